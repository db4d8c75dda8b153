package org.tipx.recruitment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tipx.recruitment.Assessment;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.Reason;

class RiskScoringTests {

	static final RiskScoring ENGINE = RiskScoring.shipped();

	static Assessment score(String title, String description) {
		return ENGINE.assess(new Posting("p1", title, description, null, null, null, null, null, null), v -> Set.of());
	}

	@Test
	void aCompoundStyleAdIsFlaggedWithEvidenceQuotedAsWritten() {
		String text = "Customer service in Thailand, salary USD 1,800/month, no experience needed, free flight and visa."
				+ " Contact us on T e l e g r a m @hr_thai_job, leave this week!";
		Assessment a = score("Customer service job", text);
		assertThat(a.flagged()).isTrue();
		assertThat(a.language()).isEqualTo("en");
		assertThat(a.reasons()).extracting(Reason::indicator)
			.contains("messaging-app-contact", "no-experience", "free-travel", "pay-above-market", "urgency");
		Reason app = a.reasons().stream().filter(r -> r.indicator().equals("messaging-app-contact")).findFirst().get();
		assertThat(app.evidence()).isEqualTo("T e l e g r a m");
		assertThat(text.substring(app.start(), app.end())).isEqualTo(app.evidence());
		Reason pay = a.reasons().stream().filter(r -> r.indicator().equals("pay-above-market")).findFirst().get();
		assertThat(pay.evidence()).isEqualTo("USD 1,800");
	}

	@Test
	void lookalikeLettersLeetspeakAndZeroWidthCharactersDoNotHideAWord() {
		for (String hidden : List.of("Telegr@m", "Теlеgrаm", "Tele\u200Bgram", "TELEGRAM", "ｔｅｌｅｇｒａｍ", "W.h.a.t.s.A.p.p")) {
			Assessment a = score("Job", "Apply only on " + hidden + " now");
			assertThat(a.reasons()).as(hidden).extracting(Reason::evidence).contains(hidden);
		}
	}

	@Test
	void anOrdinaryCustomerServiceJobInBangkokIsNotFlagged() {
		Assessment a = score("Customer Service Officer (Thai/English)",
				"Our Bangkok office is hiring a customer service officer. Salary 25,000 THB plus social security and"
						+ " annual leave. Send your CV through our careers page; interview at our office in Sathorn.");
		assertThat(a.flagged()).isFalse();
	}

	@Test
	void htmlIsStrippedButEvidenceStillQuotesTheOriginalMarkup() {
		String text = "<p>No <b>experience</b> needed</p><script>alert('telegram')</script>";
		Assessment a = score("Job", text);
		Reason r = a.reasons().stream().filter(x -> x.indicator().equals("no-experience")).findFirst().get();
		assertThat(r.evidence()).isEqualTo("No <b>experience</b> needed");
		assertThat(a.reasons()).extracting(Reason::indicator).doesNotContain("messaging-app-contact");
	}

	@Test
	void aPostingWithoutTitleOrDescriptionIsRefusedNamingTheField() {
		Assessment a = score(" \u200B ", "\t\n");
		assertThat(a.error()).startsWith("title:");
		assertThat(a.riskScore()).isNull();
		Assessment big = score("Job", "x".repeat(100 * 1024 + 1));
		assertThat(big.error()).startsWith("description:");
	}
}
