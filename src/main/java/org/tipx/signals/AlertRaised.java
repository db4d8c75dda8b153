package org.tipx.signals;

import java.util.UUID;

import org.tipx.sharing.Deliverable;

/**
 * Published when an organisation gets an early-warning alert. Carries ids only: the outbox, which posts it to the
 * organisation's webhook, asks signals for the alert as that organisation may see it at delivery time.
 */
public record AlertRaised(UUID alertId, UUID organisationId) implements Deliverable {

	/** The alert id: a receiver sees the same one on every retry. */
	@Override
	public UUID deliveryId() {
		return alertId;
	}

	@Override
	public UUID recipient() {
		return organisationId;
	}
}
