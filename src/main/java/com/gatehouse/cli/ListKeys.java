package com.gatehouse.cli;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import com.gatehouse.authkey.AuthKey;
import com.gatehouse.authkey.AuthKeys;

/** {@code admin list-keys LOGIN}: a user's Auth Keys, by their hints, never their values. */
@Command(name = "list-keys", header = "List a user's Auth Keys.",
		description = { "Prints the Auth Keys of the user LOGIN on standard output, one a line: id (what revoke-key "
				+ "takes), hint (ghk_...abcd; a key's value is never stored), when its value was issued, when it "
				+ "expires and was last used (UTC, - for never), and its name." })
final class ListKeys implements AdminAction {

	@Parameters(paramLabel = "LOGIN", description = "the user's login, whatever its case")
	private String login = "";

	@Override
	public void run(Store store, Terminal terminal) {
		Table table = new Table("ID", "HINT", "CREATED", "EXPIRES", "LAST-USED", "NAME");
		for (AuthKey key : store.service(AuthKeys.class).of(store.user(this.login))) {
			table.row(key.id(), key.hint(), key.created(), shown(key.expires()), shown(key.lastUsed()), key.name());
		}
		table.print(terminal.out());
	}

	private static String shown(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : "-";
	}
}
