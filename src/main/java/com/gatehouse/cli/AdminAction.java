package com.gatehouse.cli;

import java.io.IOException;

/** One command of the admin command line, run once its arguments are parsed and the store is open. */
interface AdminAction {

	/** Checks what the parser cannot, before the store is opened; a {@link picocli.CommandLine.ParameterException} is a usage error. */
	default void check() {
	}

	/**
	 * Does the command. A refusal by the service's rules is a {@link com.gatehouse.rest.RestFailure}
	 * (exit status 1); a store that goes away, a {@link org.springframework.dao.DataAccessException} (3).
	 */
	void run(Store store, Terminal terminal) throws IOException;
}
