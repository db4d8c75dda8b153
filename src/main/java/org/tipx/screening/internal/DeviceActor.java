package org.tipx.screening.internal;

import java.util.Optional;
import java.util.UUID;

import org.tipx.shared.Actor;

/**
 * A field device acting for its organisation through its token: no person's account, named in the audit trail as
 * {@code device:<name>}.
 *
 * @param deviceId       the device
 * @param deviceName     the name its admin gave it
 * @param organisationId its organisation
 */
public record DeviceActor(UUID deviceId, String deviceName, UUID organisationId) implements Actor {

	@Override
	public Optional<UUID> accountId() {
		return Optional.empty();
	}

	@Override
	public String name() {
		return "device:" + deviceName;
	}

	@Override
	public String identity() {
		return "device:" + deviceId;
	}
}
