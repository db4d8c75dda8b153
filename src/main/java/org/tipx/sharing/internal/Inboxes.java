package org.tipx.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.shared.NotFoundException;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxEntry;
import org.tipx.sharing.InboxItem;
import org.tipx.sharing.InboxState;

/**
 * The inbox table. Joins the caller's transaction, so an item is delivered exactly when what raised it commits.
 */
@Repository
class Inboxes implements Inbox {

	private final JdbcClient jdbc;

	Inboxes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean deliver(InboxItem item) {
		return jdbc.sql("""
				INSERT INTO sharing_inbox_item (id, kind, organisation_id, item_key, payload, state, created_at, updated_at)
				VALUES (?,?,?,?,CAST(? AS jsonb),'NEW',?,?) ON CONFLICT (kind, organisation_id, item_key) DO NOTHING""")
				.params(item.id(), item.kind(), item.organisationId(), item.key(), item.payload(), utc(item.createdAt()),
						utc(item.createdAt()))
				.update() == 1;
	}

	@Override
	public Optional<InboxEntry> find(String kind, UUID id) {
		return jdbc.sql("SELECT * FROM sharing_inbox_item WHERE id = ? AND kind = ?").params(id, kind).query(this::map)
				.optional();
	}

	@Override
	public List<InboxEntry> of(UUID organisationId, String kind, InboxState state, int limit) {
		return jdbc.sql("""
				SELECT * FROM sharing_inbox_item WHERE organisation_id = :org AND kind = :kind
				  AND (CAST(:state AS TEXT) IS NULL OR state = :state)
				ORDER BY created_at DESC, id LIMIT :limit""")
				.param("org", organisationId).param("kind", kind).param("state", state == null ? null : state.name())
				.param("limit", limit).query(this::map).list();
	}

	@Override
	public List<InboxEntry> withKey(String kind, String key) {
		return jdbc.sql("SELECT * FROM sharing_inbox_item WHERE kind = ? AND item_key = ? ORDER BY created_at, id")
				.params(kind, key).query(this::map).list();
	}

	@Override
	public InboxEntry triage(String kind, UUID id, Triage triage) {
		int changed = jdbc.sql("""
				UPDATE sharing_inbox_item SET state = :state, note = :note, updated_by = :by, updated_at = :at,
				  acknowledged_by = CASE WHEN :state = 'ACKNOWLEDGED' AND acknowledged_at IS NULL THEN :name
				    ELSE acknowledged_by END,
				  acknowledged_at = CASE WHEN :state = 'ACKNOWLEDGED' AND acknowledged_at IS NULL THEN :at
				    ELSE acknowledged_at END
				WHERE id = :id AND kind = :kind""")
				.param("state", triage.state().name()).param("note", triage.note()).param("by", triage.byAccount())
				.param("name", triage.byName()).param("at", utc(triage.at())).param("id", id).param("kind", kind)
				.update();
		if (changed == 0) {
			throw new NotFoundException(kind + " " + id);
		}
		return find(kind, id).orElseThrow();
	}

	private InboxEntry map(ResultSet rs, int row) throws SQLException {
		return new InboxEntry(rs.getObject("id", UUID.class), rs.getString("kind"),
				rs.getObject("organisation_id", UUID.class), rs.getString("item_key"), rs.getString("payload"),
				InboxState.valueOf(rs.getString("state")), rs.getString("note"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getObject("updated_by", UUID.class), rs.getString("acknowledged_by"),
				instant(rs, "acknowledged_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
