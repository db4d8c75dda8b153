package org.tipx.cases.intake;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tipx.shared.CountryCode;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxEntry;
import org.tipx.sharing.InboxItem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Public reports as items of kind {@value Intakes#KIND} in each receiving organisation's inbox (sharing): the key is
 * the intake id, the payload names the intake and the country the organisation was told as, never the reporter's
 * words (those are read, and opened, from the intake when a focal point reads it).
 */
@Component
class IntakeItems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Inbox inbox;

	IntakeItems(Inbox inbox) {
		this.inbox = inbox;
	}

	boolean deliver(FiledIntake intake, UUID organisation, CountryCode country) {
		return inbox.deliver(new InboxItem(UUID.randomUUID(), Intakes.KIND, organisation, intake.id().toString(),
				JSON.writeValueAsString(new Payload(intake.id(), country.value())), intake.filedAt()));
	}

	/** Every organisation's item about one intake. */
	List<InboxEntry> about(UUID intakeId) {
		return inbox.withKey(Intakes.KIND, intakeId.toString());
	}

	static Payload payload(InboxEntry entry) {
		return JSON.readValue(entry.payload(), Payload.class);
	}

	/** What the inbox item holds: the intake, and the country whose focal point the organisation is told as. */
	record Payload(UUID intakeId, String country) {
	}
}
