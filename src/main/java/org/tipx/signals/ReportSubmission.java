package org.tipx.signals;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.tipx.shared.Tlp;

/**
 * Files a report to the signal exchange from another module (a moderator's fraud decision on a job posting), through
 * the same filing as the report API: the same checks, canonical forms, correlation, audit and alerts. The reporter's
 * country is the filing organisation's. Bad input is refused with the report API's field names.
 */
public interface ReportSubmission {

	ReportId submit(Submission submission);

	/** A report as another module hands it over; {@code accountId} is the person filing it. */
	record Submission(UUID organisationId, UUID accountId, String title, String description, Instant observedAt,
			Category category, Tlp tlp, List<Identifier> identifiers) {

		public Submission {
			Objects.requireNonNull(organisationId, "organisation");
			Objects.requireNonNull(accountId, "account");
			Objects.requireNonNull(category, "category");
			Objects.requireNonNull(tlp, "tlp");
			identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
		}
	}

	/** One identifier as found, before canonicalisation; {@code platform} may be null. */
	record Identifier(IndicatorType type, String value, Platform platform) {

		public Identifier {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(value, "value");
		}
	}
}
