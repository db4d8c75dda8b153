package org.tipx.sharing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something one organisation is told by a module: an early-warning alert, a notice from a screening abroad. The
 * payload is the producing module's own JSON; sharing stores it and hands it back, and owns only the triage.
 *
 * @param kind    the producing module's name for this kind of item, e.g. {@code signals.alert}
 * @param key     what the item is about, unique per kind and organisation (delivering it again changes nothing)
 * @param payload JSON text
 */
public record InboxItem(UUID id, String kind, UUID organisationId, String key, String payload, Instant createdAt) {

	public InboxItem {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(organisationId, "organisation");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(createdAt, "created at");
	}
}
