package org.tipx.cases.intake;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the public report page ({@code tipx.intake.*}).
 *
 * @param perAddressPerHour       reports one client address may file per hour
 * @param perNetworkPerHour       reports one network (/24 for IPv4, /48 for IPv6) may file per hour
 * @param statusPerAddressPerHour status look-ups one client address may make per hour
 * @param statusPerNetworkPerHour status look-ups one network may make per hour
 * @param powBits                 leading zero bits the proof of work must find (each bit doubles the work)
 * @param challengeLifetime       how long a challenge stays valid (the time to write the report)
 * @param noScriptWait            without JavaScript, how long after the page was shown a report is accepted instead
 *                                of a proof of work; zero refuses reports without a proof of work
 * @param trustedProxies          addresses of reverse proxies whose {@code X-Forwarded-For} is believed; empty: none
 */
@ConfigurationProperties("tipx.intake")
public record IntakeSettings(Integer perAddressPerHour, Integer perNetworkPerHour, Integer statusPerAddressPerHour,
		Integer statusPerNetworkPerHour, Integer powBits, Duration challengeLifetime, Duration noScriptWait,
		List<String> trustedProxies) {

	public IntakeSettings {
		perAddressPerHour = positive(perAddressPerHour, 5, "per-address-per-hour");
		perNetworkPerHour = positive(perNetworkPerHour, 20, "per-network-per-hour");
		statusPerAddressPerHour = positive(statusPerAddressPerHour, 30, "status-per-address-per-hour");
		statusPerNetworkPerHour = positive(statusPerNetworkPerHour, 120, "status-per-network-per-hour");
		powBits = powBits == null ? 18 : powBits;
		if (powBits < 1 || powBits > 32) {
			throw new IllegalArgumentException("tipx.intake.pow-bits must be between 1 and 32");
		}
		challengeLifetime = challengeLifetime == null ? Duration.ofHours(2) : challengeLifetime;
		noScriptWait = noScriptWait == null ? Duration.ofMinutes(1) : noScriptWait;
		trustedProxies = trustedProxies == null ? List.of()
				: trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	private static int positive(Integer value, int fallback, String name) {
		int chosen = value == null ? fallback : value;
		if (chosen < 1) {
			throw new IllegalArgumentException("tipx.intake." + name + " must be at least 1");
		}
		return chosen;
	}
}
