package org.tipx.recruitment.monitoring;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.Actor;
import org.tipx.shared.NotFoundException;

/**
 * An organisation's sources, kept by its moderators and administrators: add, change, remove, list, and poll now. Each
 * actor sees and touches only its own organisation's sources (another's answer "not found"); changes are audited.
 */
@Service
public class SourceKeeping {

	private final Sources sources;

	private final SourceRules rules;

	private final Polling polling;

	private final AuditTrail audit;

	private final Clock clock;

	SourceKeeping(Sources sources, SourceRules rules, Polling polling, AuditTrail audit, Clock clock) {
		this.sources = sources;
		this.rules = rules;
		this.polling = polling;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Source add(Actor actor, SourceDraft draft) {
		SourceRules.Checked c = rules.check(draft);
		Source source = new Source(UUID.randomUUID(), actor.organisationId(), c.name(), c.kind(), c.location(),
				c.fieldMapping(), c.interval(), c.enabled(), clock.instant(), null, null, null, null, null);
		sources.insert(source, actor.accountId().orElse(null));
		audit.record(AuditRecord.success("moderation.source.create", "recruitment_source", source.id())
				.withDetail(c.kind().name()));
		return source;
	}

	@Transactional
	public Source change(Actor actor, UUID id, SourceDraft draft) {
		find(actor, id);
		SourceRules.Checked c = rules.check(draft);
		sources.update(id, c);
		audit.record(AuditRecord.success("moderation.source.update", "recruitment_source", id)
				.withDetail(c.kind().name()));
		return find(actor, id);
	}

	@Transactional
	public void remove(Actor actor, UUID id) {
		find(actor, id);
		sources.remove(id, clock.instant());
		audit.record(AuditRecord.success("moderation.source.remove", "recruitment_source", id));
	}

	public Source find(Actor actor, UUID id) {
		return sources.find(actor.organisationId(), id).orElseThrow(() -> new NotFoundException("source " + id));
	}

	public List<Source> list(Actor actor) {
		return sources.ofOrganisation(actor.organisationId());
	}

	/** Polls the source now, whatever its schedule, and answers what the poll did. */
	public PollOutcome pollNow(Actor actor, UUID id) {
		Source source = find(actor, id);
		audit.record(AuditRecord.success("moderation.source.poll", "recruitment_source", id));
		return polling.poll(source);
	}
}
