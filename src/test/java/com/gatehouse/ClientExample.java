package com.gatehouse;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client examples of docs/clients/, each with what it needs installed (Debian's packages, which
 * .ci/run installs when absent) and the command that runs it as a user would.
 */
enum ClientExample {

	CURL("gatehouse.sh", List.of("/bin/bash", "/usr/bin/curl", "/usr/bin/jq"), "/bin/bash"),

	PYTHON("gatehouse.py", List.of("/usr/bin/python3", "/usr/lib/python3/dist-packages/requests"), "/usr/bin/python3"),

	NODE("gatehouse.mjs", List.of("/usr/bin/node"), "/usr/bin/node"),

	PHP("gatehouse.php", List.of("/usr/bin/php", "/usr/share/php/GuzzleHttp/autoload.php"), "/usr/bin/php"),

	/** Java runs the single source file on the JDK running the tests, with Jackson from the test's own classpath. */
	JAVA("Gatehouse.java", List.of(), Path.of(System.getProperty("java.home"), "bin", "java").toString());

	private static final Path DIRECTORY = Path.of("docs", "clients");

	private final String file;

	private final List<Path> needs;

	private final String interpreter;

	ClientExample(String file, List<String> needs, String interpreter) {
		this.file = file;
		this.needs = needs.stream().map(Path::of).toList();
		this.interpreter = interpreter;
	}

	/** The installed paths this example needs that are missing here. */
	List<Path> missing() {
		return this.needs.stream().filter((path) -> !Files.exists(path)).toList();
	}

	List<String> command() {
		List<String> command = new ArrayList<>(List.of(this.interpreter));
		if (this == JAVA) {
			command.addAll(List.of("-cp", jacksonClasspath()));
		}
		command.add(DIRECTORY.resolve(this.file).toAbsolutePath().toString());
		return command;
	}

	private static String jacksonClasspath() {
		return String.join(java.io.File.pathSeparator, Stream.of(JsonMapper.class, JsonParser.class, JsonProperty.class)
			.map(ClientExample::jarOf)
			.toList());
	}

	private static String jarOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
