package org.tipx.protection;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column that holds sealed values, declared as a bean by the module that owns the table so that a key rotation can
 * re-seal its values under the new key. The context of each value is {@code contextPrefix + "/" + id}, the id being
 * the text of {@code idColumn}.
 *
 * @param table         the table, e.g. {@code signals_webhook}
 * @param idColumn      its primary key column (one column)
 * @param valueColumn   the sealed column
 * @param contextPrefix the context the owner seals with, before the id
 */
public record SealedColumn(String table, String idColumn, String valueColumn, String contextPrefix) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	public SealedColumn {
		for (String name : new String[] { table, idColumn, valueColumn }) {
			if (name == null || !IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("not a plain SQL identifier: " + name);
			}
		}
		Objects.requireNonNull(contextPrefix, "context prefix");
	}

	/** The context a value of row {@code id} is sealed for. */
	public String context(Object id) {
		return contextPrefix + "/" + id;
	}
}
