package org.tipx.recruitment.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxEntry;
import org.tipx.sharing.InboxItem;
import org.tipx.sharing.InboxState;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts about flagged postings, as items of kind {@value #KIND} in the organisation's inbox (sharing's one triage
 * model, as signal alerts and screening notices). One alert per group of near-duplicates, keyed by the group, so a
 * repost of an ad already raised does not raise it again. The payload names the posting and its score, never its text.
 */
@Component
public class FlaggedAlerts {

	public static final String KIND = "recruitment.flagged";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Inbox inbox;

	FlaggedAlerts(Inbox inbox) {
		this.inbox = inbox;
	}

	boolean raise(StoredPosting posting, Instant at) {
		return inbox.deliver(new InboxItem(UUID.randomUUID(), KIND, posting.organisationId(),
				posting.groupId().toString(),
				JSON.writeValueAsString(new Payload(posting.id(), posting.sourceId(), posting.riskScore())), at));
	}

	/** The organisation's alerts in a state (null: all), newest first. */
	public List<Alert> of(UUID organisationId, InboxState state, int limit) {
		return inbox.of(organisationId, KIND, state, limit).stream().map(FlaggedAlerts::alert).toList();
	}

	/** Closes the alert about a group once a moderator has decided on it. */
	public void close(UUID organisationId, UUID groupId, UUID by, String byName, Instant at) {
		inbox.withKey(KIND, groupId.toString()).stream()
				.filter(e -> e.organisationId().equals(organisationId) && e.state() != InboxState.CLOSED)
				.forEach(e -> inbox.triage(KIND, e.id(), new Inbox.Triage(InboxState.CLOSED, null, by, byName, at)));
	}

	private static Alert alert(InboxEntry entry) {
		Payload p = JSON.readValue(entry.payload(), Payload.class);
		return new Alert(entry.id(), UUID.fromString(entry.key()), p.postingId(), p.sourceId(), p.riskScore(),
				entry.state(), entry.createdAt());
	}

	/** An alert as the pages show it. */
	public record Alert(UUID id, UUID groupId, UUID postingId, UUID sourceId, Double riskScore, InboxState state,
			Instant createdAt) {
	}

	/** What monitoring keeps in the inbox item. */
	record Payload(UUID postingId, UUID sourceId, Double riskScore) {
	}
}
