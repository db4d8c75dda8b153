package org.tipx.audit.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.Actor;

/**
 * Appends to the hash chain in PostgreSQL; the anchor moves the external checkpoint forward.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private final AuditLedger ledger;

	private final ChainAnchor anchor;

	JdbcAuditTrail(AuditLedger ledger, ChainAnchor anchor) {
		this.ledger = ledger;
		this.anchor = anchor;
	}

	@Override
	public void record(AuditRecord record) {
		Optional<Actor> actor = Actor.current();
		append(actor.map(Actor::name).orElse("anonymous"), actor.flatMap(Actor::accountId).orElse(null),
				actor.map(Actor::organisationId).orElse(null), record);
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
		anchor.append(() -> ledger.append(actorName, actorId, organisationId, r.action(), r.objectType(),
				r.objectId(), r.outcome().name(), r.detail()));
	}
}
