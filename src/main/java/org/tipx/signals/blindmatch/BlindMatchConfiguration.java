package org.tipx.signals.blindmatch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.protection.SealedColumn;

/**
 * Declares the sealed blind-match secret so that a key rotation re-seals it.
 */
@Configuration(proxyBeanMethods = false)
class BlindMatchConfiguration {

	@Bean
	SealedColumn signalsBlindMatchSecret() {
		return BlindMatchKeys.SECRET;
	}
}
