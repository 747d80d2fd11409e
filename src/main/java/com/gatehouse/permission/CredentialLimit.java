package com.gatehouse.permission;

import org.jspecify.annotations.Nullable;

/**
 * What a credential itself allows beyond its owner's permissions (rest-api.md §3, issue 3): nothing
 * more ({@link #NONE}), only reading ({@link #READ_ONLY}), or only the permissions of
 * {@code narrowedTo}, each no wider than there. A restricted Auth Key carries one; the decision
 * point ({@link AccessPolicy}) enforces it, so no adapter or feature judges it again.
 */
public record CredentialLimit(boolean readOnly, @Nullable Permissions narrowedTo) {

	public static final CredentialLimit NONE = new CredentialLimit(false, null);

	public static final CredentialLimit READ_ONLY = new CredentialLimit(true, null);

	public static CredentialLimit narrowedTo(Permissions perms) {
		return new CredentialLimit(false, perms);
	}

	/** The permissions a call with this credential acts with, given its owner's permissions now. */
	public Permissions effective(Permissions owner) {
		return (this.narrowedTo != null) ? owner.narrowedTo(this.narrowedTo) : owner;
	}

	/** Whether the caller's permissions are narrowed by its credential (a perms-map key). */
	public boolean isNarrowed() {
		return this.narrowedTo != null;
	}

	/**
	 * Whether a credential with this limit is no wider than a caller acting with {@code perms}
	 * through a narrowed credential: it must be a perms map within them, never "read" (every
	 * permission, for reading) or unlimited.
	 */
	public boolean isWithin(Permissions perms) {
		return this.narrowedTo != null && this.narrowedTo.within(perms);
	}
}
