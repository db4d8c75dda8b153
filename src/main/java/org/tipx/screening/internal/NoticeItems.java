package org.tipx.screening.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxEntry;
import org.tipx.sharing.InboxItem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Notices as items of kind {@value #KIND} in the receiving organisation's inbox (sharing). The payload names the
 * screening, the sender and the country, never the person: what the notice shows of the screening is read from it
 * when the notice is read.
 */
@Component
class NoticeItems {

	static final String KIND = "screening.notice";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Inbox inbox;

	NoticeItems(Inbox inbox) {
		this.inbox = inbox;
	}

	/** Sends the notice to one organisation; nothing changes if it already has one about this screening. */
	void send(UUID screeningId, UUID from, UUID to, String country, String sentBy, Instant at) {
		inbox.deliver(new InboxItem(UUID.randomUUID(), KIND, to, screeningId.toString(),
				JSON.writeValueAsString(new Payload(screeningId, from, country, sentBy)), at));
	}

	/** The organisations the sender told about a screening. */
	List<UUID> recipients(UUID screeningId, UUID from) {
		return inbox.withKey(KIND, screeningId.toString()).stream().filter(e -> payload(e).fromOrganisationId()
				.equals(from)).map(InboxEntry::organisationId).toList();
	}

	/** The notices the sender sent about a screening, as delivered to each organisation's inbox. */
	List<InboxEntry> sent(UUID screeningId, UUID from) {
		return inbox.withKey(KIND, screeningId.toString()).stream()
				.filter(e -> payload(e).fromOrganisationId().equals(from)).toList();
	}

	static Payload payload(InboxEntry entry) {
		return JSON.readValue(entry.payload(), Payload.class);
	}

	/** What screening keeps in the inbox item. */
	record Payload(UUID screeningId, UUID fromOrganisationId, String country, String sentBy) {
	}
}
