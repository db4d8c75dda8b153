package org.tipx.directory.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tipx.directory.MachineScope;

/**
 * Password hashing and the directory's own machine scope.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

	/** bcrypt today, with the algorithm id stored in each hash so a later switch to Argon2 re-hashes at login. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	MachineScope directoryRead() {
		return new MachineScope("directory:read", "List the member organisations of the exchange");
	}
}
