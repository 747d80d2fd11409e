package com.gatehouse.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import com.gatehouse.credential.CredentialKind;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.Verb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decision point on its own: each rule, key restrictions included, and that every denial,
 * whichever rule refused, is counted once and published once for the audit trail.
 */
class AccessPolicyTests {

	private static final Permissions COMPANY_ADMIN = new Permissions(Map.of(Permissions.ADMIN, Grant.COMPANY,
			"cdr.read", Grant.YES));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<Object> published = new ArrayList<>();

	private final AccessPolicy policy = new AccessPolicy(this.meters, this.published::add);

	@Test
	void readOnlyCredentialWhenReadingThenAllowedAndWhenWritingThenDeniedOnce() {
		CallerAuthentication readOnly = call(COMPANY_ADMIN, CredentialLimit.READ_ONLY);

		assertThatCode(() -> this.policy.requireVerb(readOnly, Verb.READ)).doesNotThrowAnyException();
		for (Verb write : List.of(Verb.CREATE, Verb.UPDATE, Verb.DELETE)) {
			assertDenied(() -> this.policy.requireVerb(readOnly, write));
		}

		assertThat(denials()).isEqualTo(3.0);
		assertThat(this.published).extracting((event) -> ((PermissionDenied) event).action())
			.containsExactly("ops.create", "ops.update", "ops.delete");
	}

	@Test
	void unlimitedOrNarrowedCredentialWhenWritingThenTheVerbIsAllowed() {
		for (CredentialLimit limit : List.of(CredentialLimit.NONE, CredentialLimit.narrowedTo(COMPANY_ADMIN))) {
			assertThatCode(() -> this.policy.requireVerb(call(COMPANY_ADMIN, limit), Verb.DELETE)).doesNotThrowAnyException();
		}
		assertThat(denials()).isZero();
		assertThat(this.published).isEmpty();
	}

	@Test
	void narrowedCredentialWhenItsOwnNewKeyIsWiderThenDeniedAndWhenWithinThenAllowed() {
		Permissions cdr = new Permissions(Map.of("cdr.read", Grant.YES));
		CallerAuthentication narrowed = call(cdr, CredentialLimit.narrowedTo(cdr));
		long self = narrowed.caller().userId();

		assertThatCode(() -> this.policy.requireWithinCredential(narrowed, self, CredentialLimit.narrowedTo(cdr), "a"))
			.doesNotThrowAnyException();
		assertThatCode(() -> this.policy.requireWithinCredential(narrowed, self,
				CredentialLimit.narrowedTo(new Permissions(Map.of("cdr.read", Grant.COMPANY))), "a"))
			.doesNotThrowAnyException();
		assertDenied(() -> this.policy.requireWithinCredential(narrowed, self, CredentialLimit.NONE, "authinfo.create"));
		assertDenied(() -> this.policy.requireWithinCredential(narrowed, self, CredentialLimit.READ_ONLY, "authinfo.create"));
		assertDenied(() -> this.policy.requireWithinCredential(narrowed, self, CredentialLimit.narrowedTo(COMPANY_ADMIN),
				"authinfo.update"));

		assertThat(denials()).isEqualTo(3.0);
	}

	@Test
	void unnarrowedCredentialOrAnotherOwnerWhenMakingAnyKeyThenNotThisRulesDecision() {
		CallerAuthentication plain = call(COMPANY_ADMIN, CredentialLimit.NONE);
		CallerAuthentication narrowed = call(COMPANY_ADMIN, CredentialLimit.narrowedTo(COMPANY_ADMIN));

		assertThatCode(() -> this.policy.requireWithinCredential(plain, plain.caller().userId(), CredentialLimit.NONE, "a"))
			.doesNotThrowAnyException();
		assertThatCode(() -> this.policy.requireWithinCredential(narrowed, 999, CredentialLimit.NONE, "a"))
			.doesNotThrowAnyException();
		assertThat(denials()).isZero();
	}

	@Test
	void companyAdminWhenActingOutsideItsCompanyOrGrantingWiderThanItHoldsThenDenied() {
		Caller admin = call(COMPANY_ADMIN, CredentialLimit.NONE).caller();

		assertThatCode(() -> this.policy.requireAdminOf(admin, "acme", "user.read")).doesNotThrowAnyException();
		assertThat(this.policy.canGrant(admin, new Permissions(Map.of("phone.write", Grant.COMPANY)), "acme")).isTrue();
		assertDenied(() -> this.policy.requireAdminOf(admin, "other", "user.read"));
		assertDenied(() -> this.policy.requireSystemAdmin(admin, "company.create"));
		assertDenied(() -> this.policy.requireCanGrant(admin, new Permissions(Map.of("phone.write", Grant.YES)), "acme",
				"role.create"));
		assertThat(this.policy.ungrantable(admin, new Permissions(Map.of("phone.write", Grant.YES, "cdr.read", Grant.YES))))
			.containsExactly("phone.write");

		assertThat(denials()).isEqualTo(3.0);
		assertThat(this.published).hasSize(3)
			.allSatisfy((event) -> assertThat(((PermissionDenied) event).caller()).isEqualTo(admin));
	}

	@Test
	void directoryReadWhenCompanyAdminNamesAnotherCompanyThenDeniedAndWhenItNamesNoneThenItsOwn() {
		Caller admin = call(COMPANY_ADMIN, CredentialLimit.NONE).caller();
		Caller root = root();

		assertThat(this.policy.readableCompany(admin, null, "user.read")).isEqualTo("acme");
		assertThat(this.policy.readableCompany(admin, "acme", "user.read")).isEqualTo("acme");
		assertDenied(() -> this.policy.readableCompany(admin, "other", "role.read"));
		assertThat(this.policy.readableCompany(root, null, "user.read")).isNull();
		assertThat(this.policy.readableCompany(root, "other", "user.read")).isEqualTo("other");
		assertThat(this.policy.adminScope(admin)).isEqualTo("acme");
		assertThat(this.policy.adminScope(root)).isNull();

		assertThat(this.published).extracting((event) -> ((PermissionDenied) event).action()).containsExactly("role.read");
	}

	@Test
	void globalRoleWhenCompanyAdminGrantsOrChangesItThenDeniedAndWhenSystemAdminThenAllowed() {
		Caller admin = call(COMPANY_ADMIN, CredentialLimit.NONE).caller();
		Permissions cdr = new Permissions(Map.of("cdr.read", Grant.COMPANY));

		assertThat(this.policy.canGrant(admin, cdr, null)).isFalse();
		assertThat(this.policy.canGrant(root(), cdr, null)).isTrue();
		assertThatCode(() -> this.policy.requireCanGrant(root(), cdr, null, "role.update")).doesNotThrowAnyException();
		assertDenied(() -> this.policy.requireCanGrant(admin, cdr, null, "role.update"));

		assertThat(this.published).extracting((event) -> ((PermissionDenied) event).action()).containsExactly("role.update");
	}

	@Test
	void companyAdminWhenOfferedRolesThenOnlyThoseItCouldGrantInItsCompanyAndNoneElsewhereWithoutALook() {
		Caller admin = call(COMPANY_ADMIN, CredentialLimit.NONE).caller();
		Permissions narrow = new Permissions(Map.of("cdr.read", Grant.COMPANY));
		Permissions wide = new Permissions(Map.of("phone.write", Grant.YES));
		List<String> looked = new ArrayList<>();

		assertThat(this.policy.grantable(admin, "acme", () -> List.of(narrow, wide), (perms) -> perms))
			.containsExactly(narrow);
		assertThat(this.policy.grantable(admin, "other", () -> {
			looked.add("other");
			return List.of(narrow);
		}, (perms) -> perms)).isEmpty();
		assertThat(this.policy.grantable(root(), "other", () -> List.of(narrow, wide), (perms) -> perms))
			.containsExactly(narrow, wide);

		assertThat(looked).isEmpty();
		assertThat(denials()).isZero();
	}

	@Test
	void whatACallerSeesWhenItIsAdminOfTheCompanyOrItIsGlobalThenSeenElseHiddenWithoutADenial() {
		Caller admin = call(COMPANY_ADMIN, CredentialLimit.NONE).caller();
		Caller plain = call(new Permissions(Map.of("cdr.read", Grant.YES)), CredentialLimit.NONE).caller();

		assertThat(this.policy.sees(admin, "acme")).isTrue();
		assertThat(this.policy.sees(admin, "other")).isFalse();
		assertThat(this.policy.sees(admin, null)).isTrue();
		assertThat(this.policy.sees(plain, "acme")).isFalse();
		assertThat(this.policy.sees(plain, null)).isTrue();
		assertThat(this.policy.sees(root(), "other")).isTrue();

		assertThat(denials()).isZero();
		assertThat(this.published).isEmpty();
	}

	@Test
	void keysReadWhenAdminThenItsCompanysOrEveryCompanysAndWhenNoAdminThenOnlyItsOwn() {
		Caller admin = call(COMPANY_ADMIN, CredentialLimit.NONE).caller();
		Caller plain = call(new Permissions(Map.of("cdr.read", Grant.YES)), CredentialLimit.NONE).caller();

		assertThat(this.policy.oversight(admin, null)).contains(new Oversight(null, "acme"));
		assertThat(this.policy.oversight(admin, 99L)).contains(new Oversight(99L, "acme"));
		assertThat(this.policy.oversight(root(), 99L)).contains(new Oversight(99L, null));
		assertThat(this.policy.oversight(plain, null)).contains(new Oversight(7L, null));
		assertThat(this.policy.oversight(plain, 7L)).contains(new Oversight(7L, null));
		assertThat(this.policy.oversight(plain, 99L)).isEmpty();

		assertThat(denials()).isZero();
	}

	@Test
	void companiesWhenSystemAdminThenEveryOneAndWhenAnyoneElseThenOnlyItsOwnWithoutADenial() {
		Caller admin = call(COMPANY_ADMIN, CredentialLimit.NONE).caller();
		Caller plain = call(new Permissions(Map.of("cdr.read", Grant.YES)), CredentialLimit.NONE).caller();

		assertThat(this.policy.actsInEveryCompany(root())).isTrue();
		assertThat(this.policy.actsInEveryCompany(admin)).isFalse();
		assertThat(this.policy.actsInEveryCompany(plain)).isFalse();
		assertThat(this.policy.companyToRead(root(), null)).isNull();
		assertThat(this.policy.companyToRead(root(), "other")).isEqualTo("other");
		assertThat(this.policy.companyToRead(admin, null)).isEqualTo("acme");
		assertThat(this.policy.companyToRead(admin, "other")).isEqualTo("other");
		assertThat(this.policy.companyToRead(plain, null)).isEqualTo("acme");

		assertThat(denials()).isZero();
		assertThat(this.published).isEmpty();
	}

	@Test
	void featureTogglesWhenSystemAdminThenTakeEffectAndWhenCompanyAdminThenIgnoredWithoutADenial() {
		Caller admin = call(COMPANY_ADMIN, CredentialLimit.NONE).caller();

		assertThat(this.policy.togglesFeatures(root())).isTrue();
		assertThat(this.policy.togglesFeatures(admin)).isFalse();

		assertThat(denials()).isZero();
		assertThat(this.published).isEmpty();
	}

	private static Caller root() {
		return new Caller(1, "root", "Root", "default", "default", new Permissions(Map.of(Permissions.ADMIN, Grant.YES)),
				CredentialKind.PASSWORD);
	}

	private static CallerAuthentication call(Permissions perms, CredentialLimit limit) {
		return new CallerAuthentication(new Caller(7, "ann", "Ann", "acme", "acme", perms, CredentialKind.KEY), null, limit);
	}

	private static void assertDenied(ThrowingCallable decision) {
		assertThatThrownBy(decision).isInstanceOfSatisfying(RestFailure.class,
				(failure) -> assertThat(failure.code()).isEqualTo("permission.denied"));
	}

	private double denials() {
		return this.meters.counter("gatehouse.permission.denials").count();
	}
}
