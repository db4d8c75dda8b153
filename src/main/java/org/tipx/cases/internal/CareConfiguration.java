package org.tipx.cases.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.protection.SealedColumn;

/**
 * The sealed columns of a case's care (assessment, plans, visits, tasks, measures, closure), declared so that a key
 * rotation re-seals them.
 */
@Configuration(proxyBeanMethods = false)
class CareConfiguration {

	@Bean
	SealedColumn careAssessmentNote() {
		return Assessments.NOTE;
	}

	@Bean
	SealedColumn carePlanTexts() {
		return Plans.TEXTS;
	}

	@Bean
	SealedColumn careVisitNote() {
		return Visits.NOTE;
	}

	@Bean
	SealedColumn careTaskTitle() {
		return Tasks.TITLE;
	}

	@Bean
	SealedColumn careMeasureRequestedTo() {
		return Measures.REQUESTED_TO;
	}

	@Bean
	SealedColumn careMeasureAnswer() {
		return Measures.ANSWER;
	}

	@Bean
	SealedColumn careClosureReason() {
		return Closure.REASON;
	}
}
