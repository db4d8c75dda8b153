package org.tipx.signals.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.tipx.sharing.Reader;

/**
 * Who is reading signals. What they see is decided by sharing's one audience rule ({@link Reader#sees}), applied on
 * every read path: reports, lookups, networks, links, counts, suggestions and alerts.
 */
public record Viewer(UUID organisationId, Set<UUID> sharingGroups, UUID accountId) {

	public Viewer {
		sharingGroups = Set.copyOf(sharingGroups);
	}

	/** Whether this viewer may know that the report exists. */
	public boolean sees(StoredReport report, Instant now) {
		return reader().sees(report.audience(), report.activeAt(now));
	}

	/** The same reader as sharing knows it. */
	public Reader reader() {
		return new Reader(organisationId, sharingGroups, accountId);
	}
}
