package org.tipx.signals.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipx.signals.stix.StixPattern.Comparison;

class StixPatternTests {

	@Test
	void readsPlainEquality() throws Exception {
		assertThat(StixPattern.parse("[phone-number:value = '+85512345678']").alternatives())
				.containsExactly(List.of(new Comparison("phone-number", "value", "+85512345678")));
	}

	@Test
	void readsAlternativesInsideAndBetweenObservations() throws Exception {
		var parsed = StixPattern.parse("[domain-name:value = 'a.example' OR ipv4-addr:value = '198.51.100.3']"
				+ " OR [url:value = 'https://b.example/x']");
		assertThat(parsed.alternatives()).containsExactly(
				List.of(new Comparison("domain-name", "value", "a.example")),
				List.of(new Comparison("ipv4-addr", "value", "198.51.100.3")),
				List.of(new Comparison("url", "value", "https://b.example/x")));
	}

	@Test
	void andBindsTighterThanOr() throws Exception {
		var parsed = StixPattern.parse("[user-account:account_type = 'telegram' AND user-account:user_id = 'x'"
				+ " OR url:value = 'https://c.example/']");
		assertThat(parsed.alternatives()).containsExactly(
				List.of(new Comparison("user-account", "account_type", "telegram"),
						new Comparison("user-account", "user_id", "x")),
				List.of(new Comparison("url", "value", "https://c.example/")));
	}

	@Test
	void unescapesQuotesAndBackslashes() throws Exception {
		assertThat(StixPattern.parse("[url:value = 'https://d.example/it\\'s\\\\here']").alternatives().get(0).get(0)
				.value()).isEqualTo("https://d.example/it's\\here");
	}

	@Test
	void refusesWhatItDoesNotUnderstandAndSaysWhy() {
		assertThatThrownBy(() -> StixPattern.parse("[file:size > 100]")).hasMessageContaining("'>'");
		assertThatThrownBy(() -> StixPattern.parse("[url:value != 'x']")).hasMessageContaining("'!'");
		assertThatThrownBy(() -> StixPattern.parse("[url:value LIKE 'x%']")).hasMessageContaining("LIKE");
		assertThatThrownBy(() -> StixPattern.parse("[url:value = 'x'] FOLLOWEDBY [url:value = 'y']"))
				.hasMessageContaining("FOLLOWEDBY");
		assertThatThrownBy(() -> StixPattern.parse("[url:value = 'x'] WITHIN 300 SECONDS"))
				.hasMessageContaining("WITHIN");
		assertThatThrownBy(() -> StixPattern.parse("[url:value = 'x'")).hasMessageContaining("not closed");
		assertThatThrownBy(() -> StixPattern.parse("[url:value = 'x]")).hasMessageContaining("not closed");
		assertThatThrownBy(() -> StixPattern.parse("([url:value = 'x'])")).hasMessageContaining("'['");
		assertThatThrownBy(() -> StixPattern.parse("")).hasMessageContaining("'['");
	}
}
