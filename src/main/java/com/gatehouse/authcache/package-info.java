/**
 * The authentication-path cache: what every credentialed call reads from the store (a key by its
 * digest, a user, a role's permissions, a client address's failure tally, and for a System-Admin's
 * "who am I" every company's handle), kept for at most
 * {@code gatehouse.auth-cache.expire-after-write} (1 s), evicted on every instance when the
 * directory changes or an address reaches its failure limit.
 */
@NullMarked
package com.gatehouse.authcache;

import org.jspecify.annotations.NullMarked;
