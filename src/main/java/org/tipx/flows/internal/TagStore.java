package org.tipx.flows.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.Tlp;
import org.tipx.sharing.Audience;
import org.tipx.sharing.Reader;

/**
 * Address tags in PostgreSQL. A tag belongs to the organisation that wrote it; others see it exactly as they would see
 * a signal with the same marking ({@link Reader#sees}). A tag's name may name a person, so it is sealed.
 */
@Repository
public class TagStore {

	static final SealedColumn NAME = new SealedColumn("flows_tag", "id", "name", "flows_tag.name");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	TagStore(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** A tag as written by its organisation, with who else may see it. */
	public record StoredTag(UUID id, UUID owner, String chain, String address, String tag, String name, String source,
			Tlp tlp, UUID sharingGroup, Set<UUID> recipients) {

		public StoredTag {
			recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
		}

		Audience audience() {
			return new Audience(owner, tlp, recipients, sharingGroup);
		}

		/** The tag as the tracer uses it. */
		public FlowStore.Tag forTracing() {
			return new FlowStore.Tag(chain, address, tag, name, source);
		}
	}

	/** Stores the tag unless the organisation already holds the same one (chain, address, tag, source). */
	public boolean add(StoredTag tag) {
		String sealed = tag.name() == null ? null : cipher.seal(tag.name(), NAME.context(tag.id()));
		return jdbc.sql("""
				INSERT INTO flows_tag (id, organisation_id, chain, address, tag, name, source, tlp, sharing_group, recipients)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[]) ON CONFLICT DO NOTHING""")
				.params(tag.id(), tag.owner(), tag.chain(), tag.address(), tag.tag(), sealed, tag.source(),
						tag.tlp().name(), tag.sharingGroup(), "{" + tag.recipients().stream().map(UUID::toString)
								.collect(Collectors.joining(",")) + "}")
				.update() == 1;
	}

	/** The tags this reader may see: its organisation's own, and others' as sharing's one rule says. */
	public List<StoredTag> visibleTo(Reader reader) {
		return jdbc.sql("""
				SELECT id, organisation_id, chain, address, tag, name, source, tlp, sharing_group, recipients
				FROM flows_tag WHERE organisation_id = ? OR tlp <> 'AMBER_STRICT'
				ORDER BY chain, address, tag, source""")
				.param(reader.organisationId())
				.query((rs, n) -> new StoredTag(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), Tlp.valueOf(rs.getString(8)),
						rs.getObject(9, UUID.class), uuids(rs.getArray(10))))
				.list().stream()
				// others' tags are never retracted or expired: they count while they are stored
				.filter(tag -> reader.sees(tag.audience(), true))
				// names are opened only for the tags the reader may see
				.map(tag -> tag.name() == null || !cipher.isSealed(tag.name()) ? tag
						: new StoredTag(tag.id(), tag.owner(), tag.chain(), tag.address(), tag.tag(),
								cipher.open(tag.name(), NAME.context(tag.id())), tag.source(), tag.tlp(), tag.sharingGroup(),
								tag.recipients()))
				.toList();
	}

	/** Deletes the organisation's own tag; returns whether there was one. */
	public boolean delete(UUID organisation, String chain, String address, String tag, String source) {
		return jdbc.sql("""
				DELETE FROM flows_tag WHERE organisation_id = ? AND chain = ? AND address = ? AND tag = ? AND source = ?""")
				.params(organisation, chain, address, tag, source).update() > 0;
	}

	private static Set<UUID> uuids(Array array) throws SQLException {
		return array == null ? Set.of() : Set.copyOf(Arrays.asList((UUID[]) array.getArray()));
	}

	@Configuration(proxyBeanMethods = false)
	static class Sealing {

		@Bean
		SealedColumn flowsTagName() {
			return NAME;
		}
	}
}
