package com.gatehouse.authkey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.gatehouse.audit.AuditTrail;
import com.gatehouse.authcache.AuthCache;
import com.gatehouse.authcache.AuthCaches;
import com.gatehouse.auth.credentials.AuthKeyToken;
import com.gatehouse.auth.credentials.CredentialsRejected;
import com.gatehouse.permission.Caller;
import com.gatehouse.permission.CallerAuthentication;
import com.gatehouse.permission.CredentialKind;
import com.gatehouse.rest.Verb;
import com.gatehouse.user.CallerLoader;

/**
 * Verifies an Auth Key: it is well formed (a {@code ghk_} key with a bad checksum is refused without
 * a lookup), its digest names a key (or the value a rotation replaced, within its grace period),
 * the key has not expired, and its owner exists and is enabled. The caller then acts with the
 * owner's permissions as they are now, narrowed by the key's restriction (rest-api.md §3, issue 3).
 * A revoked, rotated-out or expired key fails exactly as an unknown one does; an expired one also
 * leaves a {@code key.expired_use} event. A use is stamped on the key at most once a minute.
 * Keys are read through the authentication-path cache (by digest, kept until the key or its owner
 * changes, at most the cache's bound); expiry and grace periods are judged against the clock at each use.
 */
@Component
final class AuthKeyAuthenticationProvider implements AuthenticationProvider {

	/** How stale last_used may be: an exact stamp would cost a write on every call. */
	static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

	private final AuthKeyRepository keys;

	private final AuthCache<String, List<AuthKeyRepository.Match>> byDigest;

	private final CallerLoader callers;

	private final AuditTrail audit;

	private final Clock clock;

	AuthKeyAuthenticationProvider(AuthKeyRepository keys, CallerLoader callers, AuditTrail audit, Clock clock,
			AuthCaches caches) {
		this.keys = keys;
		this.byDigest = caches.create("keys", (change, digest, matches) -> matches.stream()
			.anyMatch((match) -> change.affectsKey(match.key().id()) || change.affectsUser(match.key().userId())));
		this.callers = callers;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String value = ((AuthKeyToken) authentication).key();
		if (!AuthKeyFormat.isWellFormed(value)) {
			throw rejected("malformed key or bad checksum");
		}
		Instant now = this.clock.instant();
		String digest = AuthKeyFormat.digest(value);
		List<AuthKeyRepository.Match> matches = this.byDigest.get(digest,
				(unseen) -> nonEmpty(this.keys.findAllByDigest(unseen)));
		AuthKey key = AuthKeyRepository.Match.usableAt((matches != null) ? matches : List.of(), now)
			.orElseThrow(() -> rejected("unknown, revoked or rotated-out key"))
			.key();
		if (key.isExpiredAt(now)) {
			this.audit.record(key.event("key.expired_use", "expired key " + key.id() + " presented"));
			throw rejected("expired key");
		}
		Caller owner = this.callers.load(key.userId(), CredentialKind.KEY)
			.orElseThrow(() -> rejected("key owner disabled or gone"));
		Instant since = now.minus(LAST_USE_RESOLUTION);
		if (key.lastUsed() == null || key.lastUsed().isBefore(since)) {
			this.keys.recordUse(key.id(), now, since, clientAddress());
			// The cached row still has the old stamp; without this every call would try to stamp again.
			this.byDigest.evictHere(digest);
		}
		KeyRestriction restriction = key.restriction();
		return new CallerAuthentication(owner.withPerms(restriction.effective(owner.perms())), null,
				authorities(restriction));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return AuthKeyToken.class.isAssignableFrom(authentication);
	}

	private static <T> @Nullable List<T> nonEmpty(List<T> found) {
		return found.isEmpty() ? null : found;
	}

	private static List<GrantedAuthority> authorities(KeyRestriction restriction) {
		if (restriction.readOnly()) {
			return List.of(new SimpleGrantedAuthority(Verb.ONLY_READ_AUTHORITY));
		}
		if (restriction.limit() != null) {
			return List.of(new SimpleGrantedAuthority(CallerAuthentication.NARROWED));
		}
		return List.of();
	}

	/** The client's address (already resolved through trusted proxies), as the audit trail records it. */
	/** The address of the client of the call in progress, as Tomcat resolved it; null outside a request. */
	static @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	private static CredentialsRejected rejected(String reason) {
		return CredentialsRejected.of(CredentialKind.KEY, reason);
	}
}
