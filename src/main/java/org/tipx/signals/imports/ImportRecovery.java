package org.tipx.signals.imports;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, marks failed the imports a previous run left unfinished. Their filing transaction died with the process,
 * so nothing of them was filed; their staged rows are cleared.
 */
@Component
class ImportRecovery {

	private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

	private final ImportLedger ledger;

	private final Staging staging;

	private final Clock clock;

	ImportRecovery(ImportLedger ledger, Staging staging, Clock clock) {
		this.ledger = ledger;
		this.staging = staging;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void failInterrupted() {
		for (UUID id : ledger.unfinished()) {
			staging.delete(id);
			ledger.fail(id, "interrupted by a restart; nothing was filed", clock.instant());
			log.warn("Import {} was interrupted by a restart; marked failed, nothing was filed", id);
		}
	}
}
