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

	/** Records an entry for a named actor who is not (yet) authenticated, such as a login attempt. */
	void recordFor(String actorName, AuditRecord record);

	/** Records an entry for a known account acting outside an authenticated request (a login, a lockout). */
	void recordFor(String actorName, java.util.UUID accountId, java.util.UUID organisationId, AuditRecord record);
}
