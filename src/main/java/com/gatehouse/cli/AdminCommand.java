package com.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code java -jar gatehouse.jar admin}: the command list and the help, laid out as a man page
 * (NAME, SYNOPSIS, DESCRIPTION, ...), every command's page alike.
 */
@Command(name = "admin", header = "Administer Gatehouse's users, keys and sessions from a shell on its host.",
		synopsisSubcommandLabel = "COMMAND",
		description = { "Acts on the store the service is configured with, through the service's own rules, while "
				+ "the service runs or while it is stopped. It reads the service's configuration the way the service "
				+ "does: environment variables (SPRING_DATASOURCE_URL, GATEHOUSE_DATA_DIR, GATEHOUSE_SESSIONS_STORE, "
				+ "SPRING_DATA_REDIS_URL...), Java system properties, an application.properties in the working "
				+ "directory, and settings among the arguments as the service takes them "
				+ "(--spring.datasource.url=URL, any --dotted.name=VALUE); run it with the service's environment. "
				+ "It opens no port and starts no background work.",
				"",
				"Whoever can run it against the store is trusted as a System-Admin. Every change goes through the "
						+ "same checks as in the admin console (password length and hashing, at least one enabled "
						+ "System-Admin, unique logins) and is recorded in the audit trail as done by "
						+ "cli:<operating-system user> (id 0), with no address.",
				"",
				"A new password is never an argument, which would show in the process list and the shell history: "
						+ "it is the first line of standard input, e.g. from a file or a password manager, or a "
						+ "generated one when standard input is a terminal or gives an empty line, printed alone on "
						+ "standard output. Everything else the commands say goes to standard error.",
				"",
				"The embedded store (jdbc:h2:file:..., the default) is shared with the running service through H2's "
						+ "AUTO_SERVER mode, on the loopback interface only: run the command on the service's host "
						+ "(in its container), with the same GATEHOUSE_DATA_DIR." },
		subcommands = { ResetPassword.class, Unlock.class, CreateAdmin.class, ListUsers.class, ListKeys.class,
				RevokeKey.class, EndSessions.class, CommandLine.HelpCommand.class },
		exitCodeListHeading = "%nEXIT STATUS%n",
		exitCodeList = { "0:done", "1:refused by a rule: no such user or key, a password too short, the last "
				+ "enabled System-Admin... (the reason is on standard error)", "2:wrong usage: an unknown command or option, a missing argument",
				"3:the store could not be opened or went away (down, unreachable, or held by a process that does not share it)" },
		footerHeading = "%nEXAMPLES%n",
		footer = { "  java -jar gatehouse.jar admin reset-password admin < /dev/null     (prints a generated password)",
				"  printf '%%s\\n' \"$NEW_PASSWORD\" | java -jar gatehouse.jar admin reset-password alice",
				"  java -jar gatehouse.jar admin unlock admin",
				"  java -jar gatehouse.jar admin create-admin rescue < /dev/null",
				"  java -jar gatehouse.jar admin list-users --company acme",
				"  java -jar gatehouse.jar admin revoke-key pbx-sync 12 13",
				"  java -jar gatehouse.jar admin end-sessions alice",
				"  java -jar gatehouse.jar admin help reset-password" })
final class AdminCommand {

	/** The parser, every command's page laid out as a man page's sections. */
	static CommandLine parser() {
		CommandLine parser = new CommandLine(new AdminCommand());
		asManPage(parser);
		parser.getSubcommands().values().forEach(AdminCommand::asManPage);
		return parser;
	}

	private static void asManPage(CommandLine command) {
		CommandSpec spec = command.getCommandSpec();
		if (!spec.optionsMap().containsKey("--help")) {
			spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this page and exit").build());
		}
		UsageMessageSpec page = spec.usageMessage();
		String name = spec.qualifiedName(" ");
		page.headerHeading("NAME%n  " + name.replace("%", "%%") + " - ")
			.synopsisHeading("%nSYNOPSIS%n  java -jar gatehouse.jar ")
			.descriptionHeading("%nDESCRIPTION%n")
			.parameterListHeading("%nARGUMENTS%n")
			.optionListHeading("%nOPTIONS%n")
			.commandListHeading("%nCOMMANDS%n")
			.width(100);
	}
}
