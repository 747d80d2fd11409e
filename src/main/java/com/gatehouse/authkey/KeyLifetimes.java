package com.gatehouse.authkey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.gatehouse.rest.RestFailure;

/**
 * The time rules of Auth Keys ({@link AuthKeyProperties}): an expiry lies in the future and no
 * further than the lifetime cap from now; a key value is issued with an expiry when the policy
 * requires one, and with the cap's end when there is a cap and it was given none; a value a
 * rotation replaced lives on for the grace period.
 */
@Component
final class KeyLifetimes {

	private final AuthKeyProperties properties;

	private final Clock clock;

	KeyLifetimes(AuthKeyProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * The expiry of a key value issued at {@code now}: the one asked for, else the one the key already
	 * had, else the cap's end. A 400 when it is missing but required, past, or beyond the cap.
	 */
	@Nullable Instant forNewValue(@Nullable Instant requested, @Nullable Instant current, Instant now) {
		if (requested == null && current == null && this.properties.requireExpiry()) {
			throw RestFailure.badRequest("authinfo.expiry_required", "Give the key an expiry in values.expires");
		}
		Duration cap = this.properties.maxLifetime();
		Instant expires = (requested != null) ? requested : current;
		if (expires == null && cap != null) {
			expires = now.plus(cap);
		}
		return (expires != null) ? checked(expires, now) : null;
	}

	/** A new expiry for a key whose value stays: in the future and within the cap. */
	Instant checked(Instant expires, Instant now) {
		if (!expires.isAfter(now)) {
			throw RestFailure.badRequest("authinfo.expiry_invalid", "The expiry must lie in the future");
		}
		Duration cap = this.properties.maxLifetime();
		if (cap != null && expires.isAfter(now.plus(cap))) {
			throw RestFailure.badRequest("authinfo.expiry_invalid", "The expiry may lie at most " + cap + " ahead");
		}
		return expires;
	}

	/** Until when the value a rotation at {@code now} replaces keeps working; null: it stops at once. */
	@Nullable Instant previousValidUntil(Instant now) {
		Duration grace = this.properties.rotationGrace();
		return grace.isZero() ? null : now.plus(grace);
	}
}
