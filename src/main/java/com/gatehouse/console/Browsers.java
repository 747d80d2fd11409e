package com.gatehouse.console;

import java.util.StringJoiner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * A User-Agent header as a person reads it: "Chrome 142 on Windows 10", "curl 8". The ua-parser
 * project's shared regexes decide (uap-java); a header they do not recognise is shown as sent.
 * Compiling those regexes takes most of a second and about 2 MB, so the parser is built the first
 * time a Sessions section is shown, never at startup; the few headers seen are remembered.
 */
@Component
final class Browsers {

	private static final int LONGEST = 120;

	private final Cache<String, String> described = Caffeine.newBuilder().maximumSize(500).build();

	private final SingletonSupplier<Parser> parser = SingletonSupplier.of(Parser::new);

	/** {@code userAgent} as a browser (or client) and system; a dash for none. */
	String describe(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "—";
		}
		return this.described.get(userAgent, this::parse);
	}

	private String parse(String userAgent) {
		Client client = this.parser.obtain().parse(userAgent);
		String browser = named(client.userAgent.family, client.userAgent.major);
		String system = named(client.os.family, client.os.major);
		if (browser == null) {
			return (userAgent.length() > LONGEST) ? userAgent.substring(0, LONGEST) + "…" : userAgent;
		}
		return (system != null) ? browser + " on " + system : browser;
	}

	/** "Chrome 142", or null for what ua-parser calls "Other" (not recognised). */
	private static @Nullable String named(@Nullable String family, @Nullable String major) {
		if (family == null || "Other".equals(family)) {
			return null;
		}
		StringJoiner name = new StringJoiner(" ").add(family);
		if (major != null && !major.isEmpty()) {
			name.add(major);
		}
		return name.toString();
	}
}
