package com.gatehouse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import com.gatehouse.rest.RestFailure;

/**
 * The entry of {@code java -jar gatehouse.jar admin ...}: parses the command (help and usage
 * errors need no store), opens the store (with the settings among the arguments, as the service
 * takes them: {@code --gatehouse.data-dir=/srv/gatehouse}), runs the command, and answers the exit status
 * ({@link AdminCommand}'s EXIT STATUS). Every failure is one line on standard error, never a
 * stack trace.
 */
public final class AdminCommandLine {

	static final int DONE = 0;

	static final int REFUSED = 1;

	static final int USAGE = 2;

	static final int NO_STORE = 3;

	private static final String PREFIX = "gatehouse admin: ";

	/**
	 * A setting given as the service takes one ({@code --spring.datasource.url=...}): a dotted name,
	 * which no option of the commands has.
	 */
	private static final Pattern SETTING = Pattern.compile("--([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_\\[\\]-]+)+)=(.*)", Pattern.DOTALL);

	private AdminCommandLine() {
	}

	/**
	 * Runs the command {@code args} (what follows {@code admin}) in this process and exits with its
	 * status. The logs move to standard error first, so standard output holds only the results.
	 */
	public static void exit(Class<?> application, String[] args) {
		PrintStream results = System.out;
		System.setOut(System.err);
		// System properties, which outrank the environment's LOGGING_LEVEL_*: a command's own messages
		// say what happened; the audit trail's log lines stay on for gatehouse.audit.log.
		System.setProperty("logging.level.root", "OFF");
		System.setProperty("logging.level.com.gatehouse.audit.events", "INFO");
		int status = run(application, args, Terminal.of(results));
		results.flush();
		System.exit(status);
	}

	/** Runs the command {@code args} on the store {@code application} is configured with; answers the exit status. */
	static int run(Class<?> application, String[] args, Terminal terminal) {
		CommandLine parser = AdminCommand.parser();
		parser.setOut(new PrintWriter(terminal.out(), true));
		parser.setErr(new PrintWriter(terminal.err(), true));
		Map<String, Object> settings = new LinkedHashMap<>();
		List<String> words = new ArrayList<>();
		for (String arg : args) {
			Matcher setting = SETTING.matcher(arg);
			if (setting.matches()) {
				settings.put(setting.group(1), setting.group(2));
			}
			else {
				words.add(arg);
			}
		}
		AdminAction action;
		CommandLine command;
		try {
			ParseResult parsed = parser.parseArgs(words.toArray(String[]::new));
			if (CommandLine.printHelpIfRequested(parsed)) {
				return DONE;
			}
			List<CommandLine> chosen = parsed.asCommandLineList();
			command = chosen.get(chosen.size() - 1);
			if (!(command.getCommand() instanceof AdminAction chosenAction)) {
				return usage(terminal, "a command is needed", command);
			}
			action = chosenAction;
			action.check();
		}
		catch (ParameterException wrong) {
			return usage(terminal, wrong.getMessage(), wrong.getCommandLine());
		}
		return run(application, settings, action, command.getCommandSpec().name(), terminal);
	}

	private static int run(Class<?> application, Map<String, Object> settings, AdminAction action, String name,
			Terminal terminal) {
		try (Store store = Store.open(application, settings)) {
			action.run(store, terminal);
			return DONE;
		}
		catch (RestFailure refused) {
			terminal.err().println(PREFIX + name + ": " + refused.getMessage() + " (" + refused.code() + ")");
			return REFUSED;
		}
		catch (StoreUnavailable | DataAccessException unavailable) {
			terminal.err().println(PREFIX + "cannot use the store: " + StoreUnavailable.innermost(unavailable));
			return NO_STORE;
		}
		catch (IOException | UncheckedIOException unreadable) {
			terminal.err().println(PREFIX + name + ": cannot read standard input: " + unreadable.getMessage());
			return REFUSED;
		}
		catch (RuntimeException unexpected) {
			terminal.err().println(PREFIX + name + ": failed: " + StoreUnavailable.innermost(unexpected));
			return REFUSED;
		}
	}

	private static int usage(Terminal terminal, String problem, CommandLine command) {
		terminal.err().println(PREFIX + problem);
		terminal.err().println("Try 'java -jar gatehouse.jar " + command.getCommandSpec().qualifiedName(" ") + " --help'.");
		return USAGE;
	}
}
