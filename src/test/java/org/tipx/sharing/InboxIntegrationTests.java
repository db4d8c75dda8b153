package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tipx.TipxIntegrationTest;

/**
 * One triage model for every kind of inbox item: new, acknowledged (by whom and when, kept through closing and
 * reopening), closed, with a note; an item is delivered once per kind, organisation and subject.
 */
@TipxIntegrationTest
class InboxIntegrationTests {

	@Autowired
	Inbox inbox;

	@Test
	void anItemIsAcknowledgedClosedAndReopenedAndKeepsWhoAcknowledgedItFirst() {
		UUID organisation = UUID.randomUUID();
		UUID officer = UUID.randomUUID();
		Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		InboxItem item = new InboxItem(UUID.randomUUID(), "test.item", organisation, "subject-1", "{\"n\":1}", sent);
		assertThat(inbox.deliver(item)).isTrue();
		assertThat(inbox.deliver(new InboxItem(UUID.randomUUID(), "test.item", organisation, "subject-1", "{}", sent)))
				.as("the same subject again").isFalse();
		assertThat(inbox.of(organisation, "test.item", InboxState.NEW, 10)).extracting(InboxEntry::id)
				.containsExactly(item.id());

		Instant first = sent.plusSeconds(60);
		InboxEntry acknowledged = inbox.triage("test.item", item.id(),
				new Inbox.Triage(InboxState.ACKNOWLEDGED, "looking into it", officer, "focal.dili", first));
		assertThat(acknowledged.acknowledgedBy()).isEqualTo("focal.dili");
		assertThat(acknowledged.acknowledgedAt()).isEqualTo(first);
		assertThat(acknowledged.note()).isEqualTo("looking into it");

		inbox.triage("test.item", item.id(), new Inbox.Triage(InboxState.CLOSED, "done", officer, "other", first.plusSeconds(5)));
		InboxEntry reopened = inbox.triage("test.item", item.id(),
				new Inbox.Triage(InboxState.NEW, null, officer, "other", first.plusSeconds(10)));
		assertThat(reopened.state()).isEqualTo(InboxState.NEW);
		assertThat(reopened.note()).isNull();
		assertThat(reopened.acknowledgedBy()).as("who acknowledged first stays").isEqualTo("focal.dili");
		assertThat(reopened.updatedBy()).isEqualTo(officer);
		assertThat(reopened.payload()).isEqualTo("{\"n\": 1}");
		assertThat(inbox.of(UUID.randomUUID(), "test.item", null, 10)).as("another organisation's inbox").isEmpty();
	}
}
