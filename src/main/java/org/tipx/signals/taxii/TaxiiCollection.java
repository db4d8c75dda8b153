package org.tipx.signals.taxii;

import java.util.Objects;
import java.util.UUID;

import org.tipx.signals.internal.ReportStore;

/**
 * One TAXII collection as a caller sees it: the reports of a shelf (the caller's own organisation's, one of its
 * sharing groups', or the community's TLP GREEN and CLEAR ones), each as its STIX objects.
 *
 * @param id       the collection's id: the organisation's or the sharing group's id, or {@link #COMMUNITY}
 * @param shelfId  the organisation or sharing group the shelf is read by; null for the community
 * @param canWrite whether the caller may add objects (its own organisation's collection only)
 */
public record TaxiiCollection(UUID id, String title, String description, ReportStore.Shelf shelf, UUID shelfId,
		boolean canWrite) {

	/** The community collection's id: the same on every tipx installation. */
	public static final UUID COMMUNITY = UUID.fromString("6b5a7c3e-3b1f-5d2a-9a64-7469707863c1");

	public TaxiiCollection {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(shelf, "shelf");
		if ((shelf == ReportStore.Shelf.COMMUNITY) != (shelfId == null)) {
			throw new IllegalArgumentException("only the community shelf has no organisation or group");
		}
	}
}
