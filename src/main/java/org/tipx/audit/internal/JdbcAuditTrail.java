package org.tipx.audit.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.Actor;

/**
 * Appends to the hash chain in PostgreSQL through the group commit: each call returns once its entry is committed
 * (or fails with 503), whatever other calls share its transaction; the anchor moves the external checkpoint forward.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private final GroupCommit commits;

	JdbcAuditTrail(GroupCommit commits) {
		this.commits = commits;
	}

	@Override
	public void record(AuditRecord record) {
		Optional<Actor> actor = Actor.current();
		append(actor.map(Actor::name).orElse("anonymous"), actor.flatMap(Actor::accountId).orElse(null),
				actor.map(Actor::organisationId).orElse(null), record);
	}

	@Override
	public Pending queue(AuditRecord r) {
		Optional<Actor> actor = Actor.current();
		return commits.queue(new AuditDraft(actor.map(Actor::name).orElse("anonymous"),
				actor.flatMap(Actor::accountId).orElse(null), actor.map(Actor::organisationId).orElse(null), r.action(),
				r.objectType(), r.objectId(), r.outcome().name(), r.detail()));
	}

	@Override
	public void recordFor(String actorName, AuditRecord record) {
		append(actorName, null, null, record);
	}

	@Override
	public void recordFor(String actorName, UUID accountId, UUID organisationId, AuditRecord record) {
		append(actorName, accountId, organisationId, record);
	}

	private void append(String actorName, UUID actorId, UUID organisationId, AuditRecord r) {
		commits.commit(new AuditDraft(actorName, actorId, organisationId, r.action(), r.objectType(), r.objectId(),
				r.outcome().name(), r.detail()));
	}
}
