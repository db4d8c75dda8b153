package org.tipx.cases.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tipx.screening.LetterIssued;

/**
 * Puts the verification code of a screening's non-punishment letter on the measures of the case opened from that
 * screening, so that whoever chases a measure has the code to quote. Listens to the event only.
 */
@Component
class LetterCodes {

	private final Measures measures;

	LetterCodes(Measures measures) {
		this.measures = measures;
	}

	@ApplicationModuleListener
	void on(LetterIssued issued) {
		measures.letterIssued(issued.screeningId(), issued.organisationId(), issued.code());
	}
}
