package com.gatehouse.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import com.gatehouse.authkey.AuthKey;
import com.gatehouse.authkey.AuthKeys;
import com.gatehouse.permission.Manageable;
import com.gatehouse.user.User;

/** {@code admin revoke-key LOGIN KEY_ID...} or {@code --all}: keys that must stop working now. */
@Command(name = "revoke-key", header = "Revoke Auth Keys of a user.",
		description = { "Revokes the Auth Keys KEY_ID (as list-keys shows them) of the user LOGIN, or all its keys with "
				+ "--all. A revoked key is refused at once (within a second on every instance). Audited as "
				+ "key.revoked, one event a key." })
final class RevokeKey implements AdminAction {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "LOGIN", description = "the owner's login, whatever its case")
	private String login = "";

	@Parameters(index = "1..*", paramLabel = "KEY_ID", description = "the id of a key of the user (ids as list-keys shows them)")
	private List<Long> ids = new ArrayList<>();

	@Option(names = "--all", description = "every key of the user, instead of KEY_IDs")
	private boolean all;

	@Override
	public void check() {
		if (this.ids.isEmpty() == !this.all) {
			throw new ParameterException(this.spec.commandLine(), "revoke-key needs KEY_IDs or --all, not both");
		}
	}

	@Override
	public void run(Store store, Terminal terminal) {
		AuthKeys keys = store.service(AuthKeys.class);
		Manageable<User> owner = store.user(this.login);
		List<Manageable<AuthKey>> revoked = this.all
				? keys.of(owner).stream().map((key) -> keys.keyOf(owner, key.id())).toList()
				: this.ids.stream().map((id) -> keys.keyOf(owner, id)).toList();
		revoked.forEach(keys::revoke);
		terminal.note("revoked %d key(s) of '%s' (id %d)", revoked.size(), owner.subject().login(), owner.subject().id());
	}
}
