package org.tipx.signals.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.signals.KnownIdentifiers;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;

/** {@link KnownIdentifiers} read with the lookups' visibility rule ({@link Viewer#sees}). */
@Service
class VisibleIdentifiers implements KnownIdentifiers {

	private final ReportStore store;

	private final Directory directory;

	private final Clock clock;

	VisibleIdentifiers(ReportStore store, Directory directory, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Identifier> knownTo(UUID organisationId, UUID accountId, Collection<Identifier> values) {
		Set<Identifier> known = new LinkedHashSet<>();
		if (values.isEmpty()) {
			return known;
		}
		Viewer viewer = new Viewer(organisationId, directory.sharingGroupsOf(new OrganisationId(organisationId)),
				accountId);
		Instant now = clock.instant();
		for (Identifier value : new LinkedHashSet<>(values)) {
			if (store.holding(new ValueKey(value.type(), value.canonical())).stream().anyMatch(r -> viewer.sees(r, now))) {
				known.add(value);
			}
		}
		return known;
	}
}
