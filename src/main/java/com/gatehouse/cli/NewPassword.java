package com.gatehouse.cli;

import com.gatehouse.user.RandomPassword;

/** A password an operator set: read from standard input, or generated and then shown once on standard output. */
record NewPassword(String value, boolean generated) {

	static NewPassword chosen(String value) {
		return new NewPassword(value, false);
	}

	static NewPassword random() {
		return new NewPassword(RandomPassword.generate(), true);
	}

	/** Prints a generated password alone on its line of standard output, once the change is stored. */
	void showIfGenerated(Terminal terminal) {
		if (this.generated) {
			terminal.out().println(this.value);
		}
	}

	@Override
	public String toString() {
		return "NewPassword[[PROTECTED], generated=" + this.generated + "]";
	}
}
