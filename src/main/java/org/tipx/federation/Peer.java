package org.tipx.federation;

import java.time.Instant;
import java.util.UUID;

/**
 * Another tipx installation this one trusts: what it signs verifies against {@code instance}'s keys, and this
 * installation posts to it at {@code baseUrl}.
 */
public record Peer(UUID id, Instance instance, String baseUrl, String registeredBy, Instant registeredAt) {

	public String name() {
		return instance.name();
	}
}
