package org.tipx.sharing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Each organisation's one webhook: where its deliveries are posted, the secret that signs them (sealed at rest and
 * shown once), and the failed attempts its admin should know about. An address must be an https URL whose host
 * resolves only to public addresses (unless the insecure switch is on, for local testing); refused addresses are an
 * {@link org.tipx.shared.InvalidInputException} on the field {@code url}.
 */
public interface Webhooks {

	/** Registers or replaces the organisation's webhook; the answer holds the new secret, shown this once. */
	Registered register(UUID organisationId, UUID by, String url);

	/** Removes the organisation's webhook; {@link org.tipx.shared.NotFoundException} if it has none. */
	void remove(UUID organisationId);

	/** The webhook and its recent failures; the secret is never shown again. NotFoundException if there is none. */
	Status status(UUID organisationId);

	/**
	 * Deliveries to the organisation that ran out of attempts without a 2xx answer, newest first. They stay in the
	 * event publication registry, outstanding, until retried.
	 */
	List<Abandoned> abandoned(UUID organisationId);

	/**
	 * Tries an abandoned delivery again now, with a fresh round of attempts; NotFoundException if the organisation
	 * has no such abandoned delivery.
	 */
	void retry(UUID organisationId, UUID deliveryId);

	/** A newly registered webhook, with its secret. */
	record Registered(String url, String secret, Instant createdAt) {
	}

	/** A registered webhook as its admin sees it. */
	record Status(String url, Instant createdAt, List<Failure> recentFailures) {
	}

	/**
	 * One failed delivery attempt as the admin sees it: the receiver's HTTP status, or only "delivery failed" when
	 * no answer came (the cause, which could tell whether a port is open, stays in the server log).
	 */
	record Failure(UUID deliveryId, int attempt, String error, Instant failedAt) {
	}

	/** A delivery given up after {@code attempts} failed attempts, the last at {@code lastFailure}. */
	record Abandoned(UUID deliveryId, int attempts, Instant lastFailure) {
	}
}
