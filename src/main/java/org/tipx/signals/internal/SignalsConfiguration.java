package org.tipx.signals.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipx.directory.MachineScope;

/**
 * The machine scopes through which integrations use the signal exchange.
 */
@Configuration(proxyBeanMethods = false)
class SignalsConfiguration {

	@Bean
	MachineScope signalsRead() {
		return new MachineScope("signals:read", "Look up identifiers and read the reports and networks the organisation may see");
	}

	@Bean
	MachineScope signalsWrite() {
		return new MachineScope("signals:write", "File reports of identifiers for the organisation");
	}
}
