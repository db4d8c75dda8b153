package org.tipx.audit;

/**
 * The one way to write to the audit trail. An entry is committed on its own, so it stays even when the caller's
 * transaction rolls back (a refused change is recorded as refused). Each method returns only once the entry is
 * committed (concurrent entries share one commit, ADR 0023); if it cannot be committed in time it throws
 * {@link org.tipx.shared.UnavailableException}, and the caller must not give the audited answer.
 */
public interface AuditTrail {

	/** Records an entry for the actor of the current request (or "anonymous"). */
	void record(AuditRecord record);

	/**
	 * Queues an entry for the actor of the current request and returns at once, for an entry whose commit can overlap
	 * the work it records (the use of a token, written while the request it authenticates runs). The caller must
	 * {@link Pending#await() await} it before giving any answer: until then the request is not audited. Entries are
	 * committed in the order they are queued, so an entry recorded after it by the same thread is usually committed in
	 * the same group and the await then costs nothing.
	 */
	Pending queue(AuditRecord record);

	/** An entry queued by {@link #queue}, not yet known to be committed. */
	interface Pending {

		/**
		 * Returns once the entry is committed (at once if it already is).
		 *
		 * @throws org.tipx.shared.UnavailableException if it could not be committed in time: do not answer
		 */
		void await();
	}

	/** Records an entry for a named actor who is not (yet) authenticated, such as a login attempt. */
	void recordFor(String actorName, AuditRecord record);

	/** Records an entry for a known account acting outside an authenticated request (a login, a lockout). */
	void recordFor(String actorName, java.util.UUID accountId, java.util.UUID organisationId, AuditRecord record);
}
