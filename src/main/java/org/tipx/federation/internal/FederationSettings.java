package org.tipx.federation.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this installation names itself to others and reaches its peers.
 *
 * @param instanceName       its name among tipx installations (TIPX_INSTANCE_NAME)
 * @param instanceCountry    its country, ISO 3166-1 alpha-2 (TIPX_INSTANCE_COUNTRY)
 * @param peersAllowInsecure accept {@code http} and peer addresses on loopback or private networks; local testing only
 *                           (TIPX_PEERS_ALLOW_INSECURE)
 * @param timeout            how long a call to a peer may take
 */
@ConfigurationProperties("tipx.federation")
public record FederationSettings(String instanceName, String instanceCountry, boolean peersAllowInsecure,
		Duration timeout) {

	public FederationSettings {
		instanceName = instanceName == null || instanceName.isBlank() ? "tipx" : instanceName.strip();
		instanceCountry = instanceCountry == null || instanceCountry.isBlank() ? "ID" : instanceCountry.strip();
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}
}
