package org.tipx.recruitment.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.tipx.recruitment.Assessment;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.PostingScorer;
import org.tipx.recruitment.Reason;

/**
 * A predictable stand-in for the scoring engine, so monitoring and moderation tests do not depend on the model's
 * figures: a posting naming Telegram scores 0.92 and is flagged, with the word as evidence; others score 0.08.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RuleScorer {

	public static final double FLAGGED = 0.92;

	@Bean
	@Primary
	PostingScorer ruleScorer() {
		return (postings, caller) -> postings.stream().map(RuleScorer::assess).toList();
	}

	private static Assessment assess(Posting p) {
		if (p.title() == null && p.description() == null) {
			return new Assessment(p.id(), null, false, null, List.of(), "title or description is required");
		}
		List<Reason> reasons = new ArrayList<>();
		evidence("title", p.title(), reasons);
		evidence("description", p.description(), reasons);
		evidence("contact", p.contact(), reasons);
		return reasons.isEmpty() ? new Assessment(p.id(), 0.08, false, "en", List.of(), null)
				: new Assessment(p.id(), FLAGGED, true, "en", reasons, null);
	}

	private static void evidence(String field, String text, List<Reason> reasons) {
		if (text == null) {
			return;
		}
		int at = text.toLowerCase(Locale.ROOT).indexOf("telegram");
		if (at >= 0) {
			reasons.add(new Reason("messaging-app-contact", text.substring(at, at + 8), 0.5, field, at, at + 8));
		}
	}
}
