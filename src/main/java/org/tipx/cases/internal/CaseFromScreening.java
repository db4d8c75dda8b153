package org.tipx.cases.internal;

import java.time.ZoneOffset;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tipx.screening.Outcome;
import org.tipx.screening.ScreeningCompleted;

/**
 * Opens a case when a screening finds a presumed or possible victim who consented to assistance: in the screening
 * organisation, linked to the screening, its outcome, its non-punishment determination (each measure becomes an item
 * to track) and its consent (the case's first consent version). Listens to the event only; never reads screening's
 * tables. A person who did not consent to assistance gets no case: the screening's result page still refers them.
 */
@Component
class CaseFromScreening {

	private final Cases cases;

	CaseFromScreening(Cases cases) {
		this.cases = cases;
	}

	@ApplicationModuleListener
	void on(ScreeningCompleted completed) {
		if (!completed.outcome().atLeast(Outcome.POSSIBLE_VICTIM) || !completed.consent().assistance()) {
			return;
		}
		ScreeningCompleted.CodedProfile profile = completed.profile();
		cases.openFromScreening(new Cases.FromScreening(completed.screeningId(), completed.organisationId(),
				completed.outcome().name(), completed.forcedCriminality(), completed.nonPunishment(),
				completed.nonPunishmentMeasures(), completed.consent().assistance(), completed.consent().referral(),
				completed.consent().shareWithCountryOfNationality(), completed.consent().research(),
				profile == null ? null : profile.nationality(), profile == null ? null : profile.ageBand(),
				profile == null ? null : profile.gender(), profile == null ? null : profile.countryHeld(),
				profile == null ? null : profile.dateLeft(),
				completed.completedAt().atOffset(ZoneOffset.UTC).toLocalDate()));
	}
}
