package org.tipx.sharing.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.protection.SealedColumn;
import org.tipx.sharing.HostResolver;

/**
 * The sealed webhook secrets and the resolver webhook addresses are checked with.
 */
@Configuration(proxyBeanMethods = false)
class SharingConfiguration {

	/** Webhook signing secrets are sealed; a key rotation re-seals them. */
	@Bean
	SealedColumn webhookSecrets() {
		return RegisteredWebhooks.SECRET;
	}

	@Bean
	HostResolver hostResolver() {
		return new SystemHostResolver();
	}
}
