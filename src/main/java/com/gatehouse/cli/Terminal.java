package com.gatehouse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command reads and writes: results (a list, a generated password) go to {@code out} and
 * nothing else does, so a script can read them; what happened and what went wrong go to
 * {@code err}. A new password comes from the first line of {@code in}, unless that is a terminal
 * (typing it would show it) or gives none.
 */
record Terminal(InputStream in, boolean inIsTerminal, PrintStream out, PrintStream err) {

	/** The longest line read as a password: longer than any valid one (128), short enough to be harmless. */
	private static final int MOST_READ = 4096;

	/** The process's own streams, {@code out} being standard output as it was before the logs were moved off it. */
	static Terminal of(PrintStream out) {
		return new Terminal(System.in, stdinIsTerminal(), out, System.err);
	}

	/** The password to set: the first line of standard input, or a generated one when it gives none. */
	NewPassword newPassword() throws IOException {
		String line = this.inIsTerminal ? "" : firstLine();
		return line.isEmpty() ? NewPassword.random() : NewPassword.chosen(line);
	}

	void note(String format, Object... args) {
		this.err.println(format.formatted(args));
	}

	private String firstLine() throws IOException {
		String text = new String(this.in.readNBytes(MOST_READ), StandardCharsets.UTF_8);
		return text.lines().findFirst().orElse("");
	}

	/**
	 * Whether standard input is a terminal. Java 17 tells only whether input and output both are
	 * ({@link System#console()}); on Linux, what descriptor 0 links to tells about input alone.
	 */
	private static boolean stdinIsTerminal() {
		if (System.console() != null) {
			return true;
		}
		try {
			String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
			return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
		}
		catch (IOException | UnsupportedOperationException notLinux) {
			return false;
		}
	}
}
