package org.tipx.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.tipx.cases.internal.Codes;

/**
 * The case pages show every code as words: each code of each vocabulary, and each referral state and timeline entry
 * the cases module writes, has its words in English and in Bahasa Indonesia.
 */
class CodeWordsTests {

	static final Map<String, List<String>> VOCABULARIES = Map.ofEntries(
			Map.entry("traffickingStatus", Codes.TRAFFICKING_STATUS),
			Map.entry("recruitmentMethod", Codes.RECRUITMENT_METHODS), Map.entry("platform", Codes.PLATFORMS),
			Map.entry("meansOfControl", Codes.MEANS_OF_CONTROL),
			Map.entry("exploitationType", Codes.EXPLOITATION_TYPES), Map.entry("ageBand", Codes.AGE_BANDS),
			Map.entry("gender", Codes.GENDERS), Map.entry("service", Codes.SERVICES), Map.entry("risk", Codes.RISKS),
			Map.entry("status", List.of("OPEN", "CLOSED")),
			Map.entry("referralState", List.of("SENT", "ACCEPTED", "DECLINED", "COMPLETED", "REVOKED")),
			Map.entry("access", List.of("OWNER", "REFERRED", "BREAK_GLASS")),
			Map.entry("source", List.of("SCREENING", "MANUAL")),
			Map.entry("consentSource", List.of("SCREENING", "CASE_WORKER")));

	static final List<String> TIMELINE = List.of("case.opened", "case.updated", "consent.changed", "referral.sent",
			"referral.accepted", "referral.declined", "referral.completed", "referral.revoked", "break_glass.opened",
			"case.closed", "assessment.submitted", "assessment.approved", "plan.written", "plan.approved",
			"visit.recorded", "risk.rising", "task.added", "task.done", "measure.requested", "measure.answered",
			"measure.letter", "handover.sent", "handover.received", "handover.acknowledged");

	@Test
	void everyCodeHasWordsInBothLanguages() {
		for (Properties bundle : List.of(bundle("i18n/cases.properties"), bundle("i18n/cases_id.properties"))) {
			VOCABULARIES.forEach((vocabulary, codes) -> codes
					.forEach(code -> assertThat(bundle).containsKey("cases.code." + vocabulary + "." + code)));
			TIMELINE.forEach(kind -> assertThat(bundle).containsKey("cases.timeline." + kind));
		}
	}

	@Test
	void aMissingConsentIsSaidInPlainWordsForEachConsentAReferralNeeds() {
		for (Properties bundle : List.of(bundle("i18n/cases.properties"), bundle("i18n/cases_id.properties"))) {
			for (String consent : List.of("assistance", "referral", "shareWithCountryOfNationality")) {
				assertThat(bundle.getProperty("cases.referral.conflict.consent." + consent)).isNotBlank();
			}
		}
	}

	private static Properties bundle(String resource) {
		Properties properties = new Properties();
		try (InputStream in = CodeWordsTests.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
