package org.tipx.screening.internal;

import java.util.Map;

import org.tipx.screening.ScreeningCompleted.Consent;

/**
 * An interview to score, however it came in.
 *
 * @param formId      the form
 * @param formVersion its version, or null for the current one
 * @param language    the language asked for (BCP 47), or null for English
 * @param answers     answers by question name (multiple choices separated by spaces)
 * @param consent     the consent object of the JSON API, or null when the consent answers are among the answers
 * @param source      how it came in
 * @param submitted   the XForm instance as a field device sent it, or null when the engine builds it
 */
public record NewScreening(String formId, String formVersion, String language, Map<String, String> answers,
		Consent consent, Source source, byte[] submitted) {

	/** How a screening came in. */
	public enum Source {
		API, OPENROSA, WEB
	}
}
