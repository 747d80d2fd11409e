package com.gatehouse.rest;

import org.springframework.security.core.Authentication;

/**
 * The one question the dispatcher asks before it looks a type up: may this authenticated call use
 * {@code verb} at all (a read-only credential only reads, whatever the type)? The envelope knows no
 * permission, so it asks through this seam; the decision point ({@code permission.AccessPolicy})
 * answers, and a refusal is a 403 it has already audited and counted.
 */
public interface VerbPolicy {

	void requireVerb(Authentication authentication, Verb verb);
}
