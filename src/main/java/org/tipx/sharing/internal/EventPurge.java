package org.tipx.sharing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes completed event publications once they are older than the retention, so the registry holds only what is
 * still outstanding (and recent history) instead of growing forever. Abandoned deliveries are not completed and stay
 * until their organisation's admin retries them.
 */
@Component
class EventPurge {

	private static final Logger log = LoggerFactory.getLogger(EventPurge.class);

	private final CompletedEventPublications completed;

	private final EventSettings settings;

	EventPurge(CompletedEventPublications completed, EventSettings settings) {
		this.completed = completed;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${tipx.sharing.events.purge-interval:PT1H}",
			initialDelayString = "${tipx.sharing.events.purge-interval:PT1H}")
	void purge() {
		completed.deletePublicationsOlderThan(settings.retention());
		log.debug("Deleted completed event publications older than {}", settings.retention());
	}
}
