package org.tipx.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each organisation's one inbox of items from any module, with one triage model: NEW, ACKNOWLEDGED (by whom and
 * when), CLOSED, with a note, and reopening. Modules deliver within their own transaction, read their own kind, and
 * decide who may read and triage (this interface checks no permissions).
 */
public interface Inbox {

	/** Delivers an item; false (and nothing changes) if the organisation already has one of this kind and key. */
	boolean deliver(InboxItem item);

	Optional<InboxEntry> find(String kind, UUID id);

	/** The organisation's items of a kind, in one state or all (null), newest first. */
	List<InboxEntry> of(UUID organisationId, String kind, InboxState state, int limit);

	/** Every organisation's item of this kind and key: whom a module has told about one thing. */
	List<InboxEntry> withKey(String kind, String key);

	/** Moves the item to the triage's state and note; answers it as it is after. */
	InboxEntry triage(String kind, UUID id, Triage triage);

	/**
	 * One triage step.
	 *
	 * @param note       replaces the item's note; null clears it
	 * @param byAccount  the account that acted
	 * @param byName     its name, recorded as who acknowledged the item (the first time it is acknowledged)
	 */
	record Triage(InboxState state, String note, UUID byAccount, String byName, Instant at) {

		public Triage {
			java.util.Objects.requireNonNull(state, "state");
			java.util.Objects.requireNonNull(at, "at");
		}
	}
}
