package com.gatehouse.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

import com.gatehouse.GatehouseApplication;

/**
 * One run of the admin command line in this JVM, on the store of the test's running service (its
 * datasource, and its Redis session store when it has one), with {@code stdin} as standard input:
 * its exit status and what it wrote to standard output and standard error.
 */
record AdminRun(int status, String out, String err) {

	/** What the command line needs of the running service's settings to reach the same stores. */
	private static final String[] SHARED = { "spring.datasource.url", "gatehouse.sessions.store", "spring.data.redis.url",
			"spring.session.data.redis.namespace" };

	static AdminRun of(Environment service, String stdin, String... args) {
		List<String> all = new ArrayList<>(List.of("--spring.profiles.active=test"));
		for (String name : SHARED) {
			String value = service.getProperty(name);
			if (value != null) {
				all.add("--" + name + "=" + value);
			}
		}
		all.addAll(List.of(args));
		return withoutStore(stdin, false, all.toArray(String[]::new));
	}

	/** A run with only {@code args}: for what needs no store (help, usage) or a store of its own. */
	static AdminRun withoutStore(String stdin, boolean stdinIsTerminal, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = AdminCommandLine.run(GatehouseApplication.class, args,
				new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdinIsTerminal,
						new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
		return new AdminRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "exit " + this.status + "\n--- out:\n" + this.out + "--- err:\n" + this.err;
	}
}
