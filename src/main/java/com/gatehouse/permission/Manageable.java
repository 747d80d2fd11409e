package com.gatehouse.permission;

/**
 * Proof that the decision point let {@code caller} manage {@code subject} (a user, a key): only
 * {@link AccessPolicy} makes one, and the services that change a subject take this proof, not the
 * subject, so no change can be made without the decision having been taken (once, by the lookup
 * that found the subject).
 *
 * @param <T> the kind of subject
 */
public final class Manageable<T> {

	private final Caller caller;

	private final T subject;

	Manageable(Caller caller, T subject) {
		this.caller = caller;
		this.subject = subject;
	}

	public Caller caller() {
		return this.caller;
	}

	public T subject() {
		return this.subject;
	}

	/**
	 * A part of the subject (a key of a manageable user), manageable by the same decision. The feature
	 * owning the part calls this only for a part it has found to belong to the subject.
	 */
	public <P> Manageable<P> part(P part) {
		return new Manageable<>(this.caller, part);
	}

	@Override
	public String toString() {
		return "Manageable[" + this.subject + " by user " + this.caller.userId() + "]";
	}
}
