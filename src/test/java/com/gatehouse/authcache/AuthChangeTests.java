package com.gatehouse.authcache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a change's signal carries between instances: each kind arrives as itself, so the other
 * instances drop only what it makes stale, and a payload this version does not know clears
 * everything.
 */
class AuthChangeTests {

	@Test
	void whenAChangeTravelsThenTheOtherInstanceReadsTheSameChange() {
		for (AuthChange change : new AuthChange[] { AuthChange.user(42), AuthChange.role(7), AuthChange.key(13),
				AuthChange.companies(), AuthChange.address("203.0.113.7"), AuthChange.all() }) {
			assertThat(AuthChange.parse(change.payload())).isEqualTo(change);
		}
	}

	@Test
	void whenTheCompaniesChangedThenOnlyTheListOfCompaniesIsStale() {
		AuthChange companies = AuthChange.parse("companies:0");

		assertThat(companies.affectsCompanies()).isTrue();
		assertThat(companies.affectsUser(0)).isFalse();
		assertThat(companies.affectsRole(0)).isFalse();
		assertThat(companies.affectsKey(0)).isFalse();
		assertThat(AuthChange.user(1).affectsCompanies()).isFalse();
	}

	@Test
	void whenAnAddressReachedItsLimitThenOnlyItsTallyIsStaleAndTheSignalNamesNoAddress() {
		AuthChange change = AuthChange.parse(AuthChange.address("2001:db8::17").payload());

		assertThat(change.affectsAddress("2001:db8::17")).isTrue();
		assertThat(change.affectsAddress("2001:db8::18")).isFalse();
		assertThat(change.affectsUser(change.id())).isFalse();
		assertThat(change.payload()).doesNotContain("2001").matches("address:\\d{1,18}");
	}

	@Test
	void whenAPayloadIsUnknownThenEverythingIsStale() {
		AuthChange unknown = AuthChange.parse("tenant:3");

		assertThat(unknown).isEqualTo(AuthChange.all());
		assertThat(unknown.affectsCompanies()).isTrue();
		assertThat(unknown.affectsUser(5)).isTrue();
	}
}
