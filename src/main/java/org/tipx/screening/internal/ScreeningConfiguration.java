package org.tipx.screening.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.protection.SealedColumn;

/**
 * The screening module's sealed columns: identifying answers and the XForm instance as submitted.
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
}
