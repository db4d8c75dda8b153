package org.tipx.protection.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;

/**
 * Refuses to start with a keyset that does not belong to the database: the first start seals a known text into the
 * database; every later start must open it. Without this, a lost or swapped keyset file would surface only when
 * someone needs a victim's record.
 */
public class KeysetCheck {

	static final String TEXT = "tipx field keyset check";

	/** The check value is re-sealed on rotation like any other sealed column. */
	public static final SealedColumn COLUMN = new SealedColumn("protection_key_check", "id", "sealed",
			"protection_key_check.sealed");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	public KeysetCheck(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** Checks the keyset against the database, sealing the check value on first start. */
	public void verify(String keysetLocation) {
		Optional<String> sealed = jdbc.sql("SELECT sealed FROM protection_key_check WHERE id = 1").query(String.class)
				.optional();
		if (sealed.isEmpty()) {
			jdbc.sql("INSERT INTO protection_key_check (id, sealed, created_at) VALUES (1, ?, ?) ON CONFLICT DO NOTHING")
					.params(cipher.seal(TEXT, COLUMN.context(1)), OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
					.update();
			return;
		}
		String opened;
		try {
			opened = cipher.open(sealed.get(), COLUMN.context(1));
		}
		catch (IllegalStateException e) {
			throw new IllegalStateException("The field keyset at " + keysetLocation + " cannot open data this "
					+ "database holds: it is not this database's keyset. Restore the right keyset file "
					+ "(TIPX_FIELD_KEYSET_FILE); sealed personal data cannot be read without it.", e);
		}
		if (!TEXT.equals(opened)) {
			throw new IllegalStateException("The field keyset check opened to unexpected text");
		}
	}
}
