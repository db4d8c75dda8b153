package org.tipx.signals.reading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;

/**
 * Organisations as lookups name them (name and country), kept for a minute: a lookup names the organisation of every
 * match and reads values in the caller's country, and fetching them from the directory per match was a query each on
 * the request path. A renamed organisation shows its new name within {@link #KEPT}.
 */
@Component
class KnownOrganisations {

	static final Duration KEPT = Duration.ofMinutes(1);

	/** Organisations are few; the bound only guards against a flood of unknown ids. */
	private static final int MAX = 10_000;

	private final Directory directory;

	private final Clock clock;

	private final Map<UUID, Known> known = new ConcurrentHashMap<>();

	KnownOrganisations(Directory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	Optional<Organisation> of(UUID id) {
		Instant now = clock.instant();
		Known entry = known.get(id);
		if (entry == null || !now.isBefore(entry.until())) {
			if (known.size() >= MAX) {
				known.clear();
			}
			entry = new Known(directory.organisation(new OrganisationId(id)), now.plus(KEPT));
			known.put(id, entry);
		}
		return entry.organisation();
	}

	private record Known(Optional<Organisation> organisation, Instant until) {
	}
}
