package org.tipx.screening.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tipx.screening.Outcome;
import org.tipx.screening.ScreeningCompleted.Consent;
import org.tipx.screening.internal.Scoring.Reason;
import org.tipx.screening.internal.Scoring.Step;

/**
 * A screening's result as the API shows it: no personal answer.
 *
 * @param id                    the screening
 * @param formId                the form
 * @param formVersion           its version
 * @param instanceId            the XForm instance id
 * @param language              the language it ran in
 * @param languageReviewStatus  {@code reviewed}, or {@code draft} for a machine-drafted translation
 * @param outcome               what it found
 * @param forcedCriminality     whether the person was made to commit offences
 * @param nonPunishment         whether the non-punishment principle applies
 * @param nonPunishmentMeasures the measures it implies
 * @param reasons               why
 * @param nextSteps             what to do now
 * @param consent               the consent given
 * @param warnings              answers ignored and other remarks on the submission
 * @param createdAt             when it was recorded
 * @param decision              the officer's decision on it (the computed outcome is {@code outcome})
 * @param inconclusive          whether a result without indicators says little because most indicator questions
 *                              answered were declined or "don't know" (or none was answered): the next step is then
 *                              a later interview with a specialist
 * @param inconclusiveReason    why, in plain words, when inconclusive; else null
 * @param textLanguage          the language of the reasons, next steps and inconclusive reason
 * @param textReviewStatus      {@code source} for English, else {@code draft} (machine-drafted, awaiting review)
 */
public record ScreeningView(UUID id, String formId, String formVersion, String instanceId, String language,
		String languageReviewStatus, Outcome outcome, boolean forcedCriminality, boolean nonPunishment,
		List<String> nonPunishmentMeasures, List<Reason> reasons, List<Step> nextSteps, Consent consent,
		List<String> warnings, Instant createdAt, Decision decision, boolean inconclusive, String inconclusiveReason,
		String textLanguage, String textReviewStatus) {
}
