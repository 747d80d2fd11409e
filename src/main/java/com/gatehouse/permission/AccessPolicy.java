package com.gatehouse.permission;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.gatehouse.credential.CredentialKind;
import com.gatehouse.rest.RestFailure;
import com.gatehouse.rest.Verb;
import com.gatehouse.rest.VerbPolicy;

/**
 * THE decision point: every "may this caller do this" is asked here, once per action, by the
 * adapters' dispatch (the REST verb), the features' lookups and the console alike; denies by
 * default. The rules (rest-api.md §3, §4): a credential limited to reading only reads, and one
 * narrowed to some permissions mints or takes over no credential wider than itself; System-Admin
 * ({@code admin: yes}) may do anything; Company-Admin ({@code admin: company}) only in its current
 * company, and only to users and roles whose permissions it could grant itself; nobody grants a
 * permission wider than one they hold. Every denial, whichever rule refused, is counted, logged,
 * published as a {@link PermissionDenied} (the audit trail records it) and answered 403.
 */
@Component
public final class AccessPolicy implements VerbPolicy {

	private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

	private final Counter denials;

	private final ApplicationEventPublisher events;

	AccessPolicy(MeterRegistry meters, ApplicationEventPublisher events) {
		this.events = events;
		this.denials = Counter.builder("gatehouse.permission.denials")
			.description("Calls refused because the caller lacked a permission")
			.register(meters);
	}

	/** A credential that may only read is refused every other verb, whatever the type (issue 3). */
	@Override
	public void requireVerb(Authentication authentication, Verb verb) {
		if (verb != Verb.READ && authentication instanceof CallerAuthentication call && call.limit().readOnly()) {
			throw deny(call.caller(), "ops." + verb.name().toLowerCase(Locale.ROOT), "read-only credential");
		}
	}

	/**
	 * A caller narrowed by its credential makes or changes, among its own credentials, only those
	 * limited to within the permissions it acts with ({@code wanted} is the limit of the credential
	 * to be made or changed, {@code ownerId} its owner), so self-service never widens a key.
	 */
	public void requireWithinCredential(CallerAuthentication authentication, long ownerId, CredentialLimit wanted,
			String action) {
		Caller caller = authentication.caller();
		if (ownerId == caller.userId() && authentication.limit().isNarrowed() && !wanted.isWithin(caller.perms())) {
			throw deny(caller, action, "wider than the caller's key");
		}
	}

	public void requireSystemAdmin(Caller caller, String action) {
		if (!caller.isSystemAdmin()) {
			throw deny(caller, action);
		}
	}

	public void requireAdminOf(Caller caller, String companyHandle, String action) {
		if (!caller.isAdminOf(companyHandle)) {
			throw deny(caller, action);
		}
	}

	/**
	 * Requires that the caller administers {@code companyHandle} and could grant every one of
	 * {@code perms} there: to create or assign a role with them, or to manage a user who holds them
	 * (changing a user's password is as good as holding their permissions). A global role (null
	 * company) is a System-Admin's alone.
	 */
	public void requireCanGrant(Caller caller, Permissions perms, @Nullable String companyHandle, String action) {
		if (!canGrant(caller, perms, companyHandle)) {
			throw deny(caller, action);
		}
	}

	/**
	 * {@code subject} (of {@code companyHandle}, holding {@code perms}) as the caller may manage it:
	 * the caller administers its company and could grant every one of its permissions.
	 */
	public <T> Manageable<T> manageable(Caller caller, T subject, Permissions perms, String companyHandle,
			String action) {
		requireCanGrant(caller, perms, companyHandle, action);
		return new Manageable<>(caller, subject);
	}

	/** {@code subject}, owned by the user {@code ownerId}, as the caller may manage it: its own. */
	public <T> Manageable<T> own(Caller caller, long ownerId, T subject, String action) {
		if (ownerId != caller.userId()) {
			throw deny(caller, action);
		}
		return new Manageable<>(caller, subject);
	}

	/**
	 * The company a read of the directory (users, roles) covers when the caller asks for
	 * {@code requested}: for a System-Admin the one it names (null: every company); for anyone else
	 * a company it administers, its own when it names none, else denied.
	 */
	public @Nullable String readableCompany(Caller caller, @Nullable String requested, String action) {
		if (caller.isSystemAdmin()) {
			return requested;
		}
		String own = (requested != null) ? requested : caller.company();
		requireAdminOf(caller, own, action);
		return own;
	}

	/** What an admin oversees (events, users' keys): every company (null) for a System-Admin, else its own. */
	public @Nullable String adminScope(Caller caller) {
		return actsInEveryCompany(caller) ? null : caller.company();
	}

	/** The company a read of companies covers: the one named; none named, {@link #adminScope}'s. */
	public @Nullable String companyToRead(Caller caller, @Nullable String named) {
		return (named != null) ? named : adminScope(caller);
	}

	/**
	 * Whether the caller acts in every company, not only its own (a System-Admin): it lists them all
	 * and picks the company of a user or role it makes; anyone else's own company is implied.
	 */
	public boolean actsInEveryCompany(Caller caller) {
		return caller.isSystemAdmin();
	}

	/** Whether the caller's feature toggles take effect: anyone else's are ignored, not refused (rest-api.md §4). */
	public boolean togglesFeatures(Caller caller) {
		return caller.isSystemAdmin();
	}

	/** The question of {@link #requireCanGrant}, for a page that shows what it may change without acting. */
	public boolean canGrant(Caller caller, Permissions perms, @Nullable String companyHandle) {
		boolean admin = (companyHandle != null) ? caller.isAdminOf(companyHandle) : caller.isSystemAdmin();
		return admin && ungrantable(caller, perms).isEmpty();
	}

	/**
	 * Of what {@code offered} lists in {@code companyHandle} (roles), what the caller could grant
	 * there ({@code permsOf} tells what each grants): nothing, without a look, unless it administers
	 * the company. A list to choose from, not an action: nothing offered is a denial.
	 */
	public <T> List<T> grantable(Caller caller, String companyHandle, Supplier<List<T>> offered,
			Function<T, Permissions> permsOf) {
		if (!caller.isAdminOf(companyHandle)) {
			return List.of();
		}
		return offered.get().stream().filter((item) -> canGrant(caller, permsOf.apply(item), companyHandle)).toList();
	}

	/**
	 * Whether the caller sees what belongs to {@code companyHandle} (a user, a company's role; null:
	 * what is global, as the built-in roles are): an admin of that company. What a caller does not
	 * see is answered 404, as if it did not exist, so that its id tells nothing: no denial, nothing
	 * recorded.
	 */
	public boolean sees(Caller caller, @Nullable String companyHandle) {
		return companyHandle == null || caller.isAdminOf(companyHandle);
	}

	/**
	 * Whose belongings (Auth Keys) a read by the caller covers when it asks for those of the user
	 * {@code owner} (null: anyone's): as an admin of the company it acts in, those of the users
	 * {@link #adminScope} names; anyone else only its own, and nobody's (empty) when it asks for
	 * another user's. Not a denial either: a read shows what it may see.
	 */
	public Optional<Oversight> oversight(Caller caller, @Nullable Long owner) {
		if (caller.isAdminOf(caller.company())) {
			return Optional.of(new Oversight(owner, adminScope(caller)));
		}
		if (owner != null && owner != caller.userId()) {
			return Optional.empty();
		}
		return Optional.of(new Oversight(caller.userId(), null));
	}

	/**
	 * The names of {@code perms} the caller could not grant even in a company it administers: those
	 * wider than its own (a Company-Admin grants "company" of anything, "yes" only of what it holds
	 * with "yes"). A form shows them next to their fields; the decision stays {@link #canGrant}'s.
	 */
	public Set<String> ungrantable(Caller caller, Permissions perms) {
		if (caller.isSystemAdmin()) {
			return Set.of();
		}
		return perms.grants()
			.entrySet()
			.stream()
			.filter((wanted) -> !caller.perms().holds(wanted.getKey(), wanted.getValue())
					&& !(wanted.getValue() == Grant.COMPANY && caller.perms().holds(Permissions.ADMIN, Grant.COMPANY)))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Requires that the caller came with a session or a password, not an Auth Key: a stolen key must
	 * not change how its owner signs in (issue 12: its login, enabled flag or password).
	 */
	public void requireNotKey(Caller caller, String action) {
		if (caller.via() == CredentialKind.KEY) {
			throw deny(caller, action, "Auth Key", RestFailure.forbidden("user.key_not_allowed",
					"Changing your own login, password or enabled flag needs a session, not an Auth Key"));
		}
	}

	private RestFailure deny(Caller caller, String action) {
		return deny(caller, action, "not permitted");
	}

	/** A refusal of the decision point or of {@link RouteAccess}, its part for the gateway's routes. */
	RestFailure deny(Caller caller, String action, String reason) {
		return deny(caller, action, reason, RestFailure.forbidden());
	}

	/** The one way a decision refuses: counted, logged with why, published for the audit trail, answered 403. */
	private RestFailure deny(Caller caller, String action, String reason, RestFailure answer) {
		this.denials.increment();
		log.info("permission denied user_id={} action={} reason={}", caller.userId(), action, reason);
		this.events.publishEvent(new PermissionDenied(caller, action));
		return answer;
	}
}
