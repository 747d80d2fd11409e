package com.gatehouse.permission;

/**
 * Published when {@link AccessPolicy} refuses {@code caller} the {@code action} (such as
 * {@code user.create}), so that the audit trail can record it without the policy depending on it.
 */
public record PermissionDenied(Caller caller, String action) {
}
