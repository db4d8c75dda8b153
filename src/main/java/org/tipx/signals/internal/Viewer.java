package org.tipx.signals.internal;

import java.util.Set;
import java.util.UUID;

import org.tipx.shared.Tlp;

/**
 * Who is reading, and the TLP 2.0 rule that decides what they see. Used on every read path: reports, lookups,
 * networks, links, counts and suggestions.
 */
public record Viewer(UUID organisationId, Set<UUID> sharingGroups, UUID accountId) {

	public Viewer {
		sharingGroups = Set.copyOf(sharingGroups);
	}

	/** Whether this viewer may know that the report exists. */
	public boolean sees(StoredReport report, java.time.Instant now) {
		boolean owner = report.organisationId().equals(organisationId);
		if (owner) {
			return true;
		}
		if (!report.activeAt(now)) {
			return false;
		}
		Tlp tlp = report.tlp();
		return switch (tlp) {
			case CLEAR, GREEN -> true;
			case AMBER -> report.recipients().contains(organisationId)
					|| report.sharingGroupId() != null && sharingGroups.contains(report.sharingGroupId());
			case AMBER_STRICT -> false;
			case RED -> report.recipients().contains(organisationId);
		};
	}
}
