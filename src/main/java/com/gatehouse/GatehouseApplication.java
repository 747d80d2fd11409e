package com.gatehouse;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.gatehouse.cli.AdminCommandLine;

/**
 * Entry point of the Gatehouse service, and of its admin command line when the first argument is
 * {@code admin} ({@code java -jar gatehouse.jar admin --help}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatehouseApplication {

	public static void main(String[] args) {
		// The embedded store's AUTO_SERVER port, which lets the admin command line share the store
		// with the running service, listens on loopback only (H2 would listen on every interface).
		System.setProperty("h2.bindAddress", System.getProperty("h2.bindAddress", "127.0.0.1"));
		if (args.length > 0 && args[0].equals("admin")) {
			AdminCommandLine.exit(GatehouseApplication.class, Arrays.copyOfRange(args, 1, args.length));
		}
		else {
			SpringApplication.run(GatehouseApplication.class, args);
		}
	}
}
