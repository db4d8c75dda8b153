package org.tipx.cases.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.protection.SealedColumn;

/** The public reports' sealed column, declared so that a key rotation re-seals it. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	SealedColumn intakeDetails() {
		return Intakes.DETAILS;
	}
}
