package org.tipx.directory.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tipx.directory.MachineScope;

/**
 * Password hashing and the machine scopes the directory checks: its own, and reading the installation's metrics.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

	/** bcrypt (cost 12 by default); each hash names its algorithm, so a later switch of algorithm stays readable. */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${tipx.directory.bcrypt-strength:12}") int strength) {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(strength);
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
		return encoder;
	}

	@Bean
	MachineScope directoryRead() {
		return new MachineScope("directory:read", "List the member organisations of the exchange");
	}

	@Bean
	MachineScope metricsRead() {
		return MachineTokens.METRICS_READ;
	}
}
