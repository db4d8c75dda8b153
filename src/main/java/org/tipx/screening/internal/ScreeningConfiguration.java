package org.tipx.screening.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.protection.SealedColumn;

/**
 * The screening module's sealed columns: identifying answers, the XForm instance as submitted, and the web
 * interview's drafts and interpreters.
 */
@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

	@Bean
	SealedColumn screeningPersonalAnswers() {
		return Screenings.PERSONAL_COLUMN;
	}

	@Bean
	SealedColumn screeningInstances() {
		return Screenings.INSTANCE_COLUMN;
	}

	@Bean
	SealedColumn screeningDraftAnswers() {
		return ScreeningDrafts.ANSWERS_COLUMN;
	}

	@Bean
	SealedColumn screeningDraftInterpreters() {
		return ScreeningDrafts.INTERPRETER_COLUMN;
	}

	@Bean
	SealedColumn screeningInterpreters() {
		return ScreeningDrafts.SCREENING_INTERPRETER_COLUMN;
	}
}
