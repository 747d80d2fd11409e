package com.gatehouse.console;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;

/**
 * Client addresses as people write them. The servlet container reports IPv6 in full
 * ({@code 0:0:0:0:0:0:0:1}) and that is what the store keeps (and the REST API answers, unchanged);
 * the console shows the RFC 5952 form ({@code ::1}), and an IPv4 address seen through an IPv6
 * socket ({@code ::ffff:192.0.2.1}) as IPv4. Anything that is not an address literal is shown as
 * stored; nothing is ever looked up in DNS.
 */
final class Addresses {

	private Addresses() {
	}

	static String of(@Nullable String stored) {
		if (stored == null || stored.isBlank()) {
			return "—";
		}
		if (!NetUtil.isValidIpV6Address(stored)) {
			return stored;
		}
		int zone = stored.indexOf('%');
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(stored);
		if (bytes == null) {
			return stored;
		}
		try {
			// getByAddress makes an IPv4-mapped address an Inet4Address; a literal is never looked up.
			InetAddress address = InetAddress.getByAddress(bytes);
			String written = (address instanceof Inet4Address) ? address.getHostAddress() : NetUtil.toAddressString(address);
			return (zone >= 0 && !(address instanceof Inet4Address)) ? written + stored.substring(zone) : written;
		}
		catch (UnknownHostException impossible) {
			return stored;
		}
	}
}
