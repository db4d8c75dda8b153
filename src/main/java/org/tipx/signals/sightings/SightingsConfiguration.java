package org.tipx.signals.sightings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.protection.SealedColumn;

/**
 * Declares the sealed note of sightings so that a key rotation re-seals it.
 */
@Configuration(proxyBeanMethods = false)
class SightingsConfiguration {

	@Bean
	SealedColumn signalsSightingNote() {
		return Sightings.NOTE;
	}
}
