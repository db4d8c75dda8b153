package org.tipx.sharing;

import java.util.UUID;

/**
 * An event that is posted to its recipient organisation's webhook, if it has one. Publish it like any other event:
 * the outbox picks it up after the publishing transaction commits, keeps it in the event publication registry until
 * the receiver answers 2xx, and retries with backoff. The body is drawn at delivery time by the
 * {@link DeliveryContent} of the publishing module, so it shows what the recipient may see then.
 */
public interface Deliverable {

	/** Identifies the delivery to the receiver ({@code X-Tipx-Delivery}); the same on every retry. */
	UUID deliveryId();

	/** The organisation whose webhook receives it. */
	UUID recipient();
}
