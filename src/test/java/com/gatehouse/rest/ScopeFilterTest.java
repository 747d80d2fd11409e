package com.gatehouse.rest;

import org.junit.jupiter.api.BeforeEach;

import com.gatehouse.Directory;

/**
 * What the scope filter tests share: the fixtures {@code @GatehouseTest} sets (fields of a superclass
 * too) and a company of each test's own, made before it.
 */
abstract class ScopeFilterTest {

	Directory directory;

	OpsCalls ops;

	String company;

	@BeforeEach
	void newCompany() {
		this.company = this.directory.newCompany();
	}
}
