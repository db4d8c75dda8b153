package org.tipx.cases.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.protection.SealedColumn;

/**
 * The cases module's sealed columns, declared so that a key rotation re-seals them.
 */
@Configuration(proxyBeanMethods = false)
class CasesConfiguration {

	@Bean
	SealedColumn casePersonal() {
		return Cases.PERSONAL;
	}

	@Bean
	SealedColumn consentNote() {
		return Consents.NOTE;
	}

	@Bean
	SealedColumn referralNote() {
		return Referrals.NOTE;
	}

	@Bean
	SealedColumn referralReason() {
		return Referrals.REASON;
	}

	@Bean
	SealedColumn referralConsentOverride() {
		return Referrals.OVERRIDE;
	}

	@Bean
	SealedColumn breakGlassReason() {
		return BreakGlass.REASON;
	}
}
