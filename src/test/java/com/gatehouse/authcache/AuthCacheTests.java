package com.gatehouse.authcache;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import com.gatehouse.Api;
import com.gatehouse.Directory;
import com.gatehouse.GatehouseApplication;
import com.gatehouse.GatehouseTest;
import com.gatehouse.TestUser;

import static com.gatehouse.Failures.assertFailure;
import static com.gatehouse.authcache.AuthCalls.companiesOf;
import static com.gatehouse.authcache.AuthCalls.readUsers;
import static com.gatehouse.authcache.AuthCalls.warm;
import static com.gatehouse.authcache.AuthCalls.whoAmI;
import static com.gatehouse.authcache.AuthCalls.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authentication-path cache on one instance: a change applies at the very next call even with
 * the old state cached (the writer evicts once its transaction commits), and the cache's hits and
 * misses are meters. Its bound cannot be set above 1 s.
 */
@GatehouseTest
@TestPropertySource(properties = "management.server.port=0") // prometheus answers only there
class AuthCacheTests {

	@LocalManagementPort
	int managementPort;

	Api api;

	Directory directory;

	@Test
	void whenCachedKeyIsRevokedThenTheNextCallWithItFails() {
		IssuedKey key = IssuedKey.issue(this.directory, newUser().id());
		warm(this.api, key.token(), () -> hits("auth.keys"));

		key.revoke(this.directory);

		assertFailure(withKey(this.api, key.token()), 401, "auth.failed");
	}

	@Test
	void whenCachedUserIsDisabledThenItsNextSessionCallFails() {
		TestUser user = newUser();
		String session = this.directory.login(user);
		assertThat(whoAmI(this.api, session).status()).isEqualTo(200);

		this.directory.asAdmin("update", "user", Map.of("scope", Map.of("id", user.id()), "values", Map.of("enabled", false)));

		assertFailure(whoAmI(this.api, session), 401, "auth.failed");
	}

	@Test
	void whenCachedRoleLosesAPermissionThenTheNextCallIsRefused() {
		String company = this.directory.newCompany();
		JsonNode role = this.directory.asAdmin("create", "role", Map.of("values",
				Map.of("name", Directory.unique("Role"), "company", company, "perms", Map.of("admin", "company"))))
			.json().path("values").path(0);
		String key = this.directory.newKey(this.directory.newUser(company, role.path("name").asString()).id());
		assertThat(readUsers(this.api, key, company).status()).isEqualTo(200);

		this.directory.asAdmin("update", "role", Map.of("scope", Map.of("id", role.path("id").asLong()), "values",
				Map.of("perms", Map.of())));

		assertFailure(readUsers(this.api, key, company), 403, "permission.denied");
	}

	@Test
	void whenACompanyIsAddedOrRemovedThenTheNextSystemAdminWhoAmIShowsIt() {
		String adminKey = this.directory.newKey(this.directory.adminId());
		warm(this.api, adminKey, () -> hits("auth.company-handles"));   // the list of companies is cached from here on

		String company = this.directory.newCompany();

		assertThat(companiesOf(withKey(this.api, adminKey))).contains(company);

		this.directory.asAdmin("delete", "company", Map.of("scope", Map.of("company", company)));

		assertThat(companiesOf(withKey(this.api, adminKey))).doesNotContain(company);
	}

	@Test
	void whenASystemAdminAsksWhoItIsAgainThenTheCompaniesComeFromTheCache() {
		String adminKey = this.directory.newKey(this.directory.adminId());

		warm(this.api, adminKey, () -> hits("auth.company-handles"));   // fails unless a use is a hit
	}

	@Test
	void whenAKeyIsUsedAgainThenTheCacheCountsAHit() {
		String key = this.directory.newKey(newUser().id());
		double misses = cacheGets("auth.keys").getOrDefault("miss", 0.0);

		assertThat(withKey(this.api, key).status()).isEqualTo(200);
		assertThat(cacheGets("auth.keys").get("miss")).as("the first use reads the store").isGreaterThan(misses);

		warm(this.api, key, () -> hits("auth.keys"));   // fails unless a later use is a hit
	}

	@Test
	void whenTheBoundIsSetAboveOneSecondThenTheServiceDoesNotStart() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(GatehouseApplication.class).profiles("test")
			.run("--server.port=0", "--gatehouse.auth-cache.expire-after-write=2s")
			.close()).rootCause().hasMessageContaining("expire-after-write must be between 0 and 1s");
	}

	private double hits(String cache) {
		return cacheGets(cache).getOrDefault("hit", 0.0);
	}

	/** The cache's hits and misses so far, from the Prometheus scrape an operator would read. */
	private Map<String, Double> cacheGets(String cache) {
		Api.Reply scrape = new Api(this.managementPort).get("/actuator/prometheus");
		assertThat(scrape.status()).as("%s", scrape).isEqualTo(200);
		Map<String, Double> gets = new HashMap<>();
		Matcher matcher = Pattern.compile("(?m)^cache_gets_total\\{(?=[^}]*cache=\"" + Pattern.quote(cache)
				+ "\")(?=[^}]*result=\"(hit|miss)\")[^}]*\\} (\\S+)$").matcher(scrape.body());
		while (matcher.find()) {
			gets.merge(matcher.group(1), Double.parseDouble(matcher.group(2)), Double::sum);
		}
		return gets;
	}


	private TestUser newUser() {
		return this.directory.newUser(this.directory.newCompany(), "User");
	}
}
