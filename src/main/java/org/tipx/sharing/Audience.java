package org.tipx.sharing;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.tipx.shared.Tlp;

/**
 * Who an item is shared with: the organisation that owns it, its TLP 2.0 marking, the organisations it names as
 * recipients, and the sharing group it is shared with (if any). The marking decides which of these count; see
 * {@link Reader#sees(Audience, boolean)}.
 *
 * @param owner       the organisation that holds the item; it always sees it
 * @param tlp         the item's marking
 * @param recipients  organisations the item names (they see AMBER and RED items)
 * @param sharingGroup the sharing group an AMBER item is shared with, or null
 */
public record Audience(UUID owner, Tlp tlp, Set<UUID> recipients, UUID sharingGroup) {

	public Audience {
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(tlp, "tlp");
		recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
	}
}
