package org.tipx.recruitment.scoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.directory.MachineScope;

/** The scoring engine as a bean (loaded once: lexicon, model, calibration) and the machine scope of the API. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

	@Bean
	RiskScoring riskScoring() {
		return RiskScoring.shipped();
	}

	@Bean
	MachineScope recruitmentScore() {
		return new MachineScope("recruitment:score", "Score job postings for recruitment fraud");
	}
}
