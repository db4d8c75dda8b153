package org.tipx.cases.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.shared.ConsentInForce;

/**
 * Answers for the screening a case was opened from: the case's consent in force is what the screening desk's
 * notification of the country of nationality must obey, not the consent given at the interview.
 */
@Component
class CaseConsentInForce implements ConsentInForce {

	private final JdbcClient jdbc;

	private final Consents consents;

	CaseConsentInForce(JdbcClient jdbc, Consents consents) {
		this.jdbc = jdbc;
		this.consents = consents;
	}

	@Override
	public Optional<Consent> forScreening(UUID screeningId) {
		return jdbc.sql("SELECT id FROM cases_case WHERE screening_id = ?").param(screeningId).query(UUID.class)
				.optional().map(consents::inForce)
				.map(c -> new Consent(c.version(), c.assistance(), c.shareWithCountryOfNationality(), c.research()));
	}
}
