package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tipx.shared.Tlp;

/**
 * The one TLP 2.0 audience rule every module asks.
 */
class ReaderTests {

	final UUID owner = UUID.randomUUID();

	final UUID recipient = UUID.randomUUID();

	final UUID group = UUID.randomUUID();

	final Reader ownerReads = new Reader(owner, Set.of(), null);

	final Reader recipientReads = new Reader(recipient, Set.of(), null);

	final Reader groupMemberReads = new Reader(UUID.randomUUID(), Set.of(group), null);

	final Reader strangerReads = new Reader(UUID.randomUUID(), Set.of(UUID.randomUUID()), UUID.randomUUID());

	@Test
	void clearAndGreenItemsAreSeenByEveryoneWhileActive() {
		for (Tlp tlp : Set.of(Tlp.CLEAR, Tlp.GREEN)) {
			Audience audience = new Audience(owner, tlp, Set.of(), null);
			assertThat(strangerReads.sees(audience, true)).isTrue();
			assertThat(strangerReads.sees(audience, false)).as("retracted or expired").isFalse();
		}
	}

	@Test
	void amberItemsAreSeenByTheirRecipientsAndTheirSharingGroupOnly() {
		Audience amber = new Audience(owner, Tlp.AMBER, Set.of(recipient), group);
		assertThat(recipientReads.sees(amber, true)).isTrue();
		assertThat(groupMemberReads.sees(amber, true)).isTrue();
		assertThat(strangerReads.sees(amber, true)).isFalse();
	}

	@Test
	void amberStrictItemsAreSeenByTheirOwnerOnly() {
		Audience strict = new Audience(owner, Tlp.AMBER_STRICT, Set.of(recipient), group);
		assertThat(recipientReads.sees(strict, true)).isFalse();
		assertThat(groupMemberReads.sees(strict, true)).isFalse();
		assertThat(ownerReads.sees(strict, true)).isTrue();
	}

	@Test
	void redItemsAreSeenByTheirNamedRecipientsButNotTheirSharingGroup() {
		Audience red = new Audience(owner, Tlp.RED, Set.of(recipient), group);
		assertThat(recipientReads.sees(red, true)).isTrue();
		assertThat(groupMemberReads.sees(red, true)).isFalse();
		assertThat(recipientReads.sees(red, false)).as("retracted or expired").isFalse();
	}

	@Test
	void theOwnerAlwaysSeesItsOwnItemsEvenRetracted() {
		for (Tlp tlp : Tlp.values()) {
			assertThat(ownerReads.sees(new Audience(owner, tlp, Set.of(), null), false)).isTrue();
		}
	}
}
