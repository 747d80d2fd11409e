package com.gatehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed seed corpus of a fuzzed parser: every file under {@code src/test/resources/fuzz/<name>/},
 * raw bytes, named by what it tries. A plain parameterized test replays each entry every run and the
 * property tests mutate them, so an input that once found a bug stays in the suite for good: add it
 * here as a file.
 */
public final class FuzzCorpus {

	private FuzzCorpus() {
	}

	/** The corpus entries, sorted by file name; fails when the corpus is missing or suspiciously small. */
	public static List<Named<byte[]>> entries(String name) {
		URL directory = FuzzCorpus.class.getResource("/fuzz/" + name);
		assertThat(directory).as("corpus directory fuzz/%s on the test classpath", name).isNotNull();
		try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
			List<Named<byte[]>> entries = files.filter(Files::isRegularFile)
				.sorted()
				.map((file) -> Named.of(file.getFileName().toString(), read(file)))
				.toList();
			assertThat(entries).as("corpus fuzz/%s", name).hasSizeGreaterThanOrEqualTo(20);
			return entries;
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		catch (URISyntaxException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}
}
