package com.gatehouse.authkey;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What is kept of a revoked Auth Key (never its digest, so it authenticates nothing): the key as it
 * was when revoked, when, and who revoked it ({@code by}, a login; null when a leak report did).
 */
public record RevokedKey(AuthKey key, Instant revoked, @Nullable String by) {
}
