package org.tipx.sharing;

import java.util.Set;
import java.util.UUID;

/**
 * Who is reading: an organisation, the sharing groups it belongs to, and (for a person) the account. Holds the one
 * TLP 2.0 rule of tipx, {@link #sees(Audience, boolean)}, which every module asks before it shows, counts or
 * correlates a marked item.
 *
 * @param accountId the reading account, or null when an organisation as a whole is the reader (alerts, deliveries)
 */
public record Reader(UUID organisationId, Set<UUID> sharingGroups, UUID accountId) {

	public Reader {
		java.util.Objects.requireNonNull(organisationId, "organisation");
		sharingGroups = Set.copyOf(sharingGroups);
	}

	/**
	 * Whether this reader may know that an item with this audience exists. The owner always may; anyone else only
	 * while the item is active (not retracted or expired), and then as its marking says: CLEAR and GREEN everyone,
	 * AMBER the named recipients and the members of its sharing group, AMBER_STRICT nobody else, RED the named
	 * recipients.
	 */
	public boolean sees(Audience audience, boolean active) {
		if (audience.owner().equals(organisationId)) {
			return true;
		}
		if (!active) {
			return false;
		}
		return switch (audience.tlp()) {
			case CLEAR, GREEN -> true;
			case AMBER -> audience.recipients().contains(organisationId)
					|| audience.sharingGroup() != null && sharingGroups.contains(audience.sharingGroup());
			case AMBER_STRICT -> false;
			case RED -> audience.recipients().contains(organisationId);
		};
	}
}
