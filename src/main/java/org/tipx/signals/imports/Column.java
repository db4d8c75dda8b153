package org.tipx.signals.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of an import file (CSV header names, JSON Lines keys). One row is one indicator; rows with the same
 * report key make one report and must agree on its report-level columns.
 */
enum Column {
	REPORT_KEY("report_key", true, null, true),
	TITLE("title", true, "title", true),
	DESCRIPTION("description", false, "description", true),
	CATEGORY("category", true, "category", true),
	TLP("tlp", true, "tlp", true),
	REPORTER_COUNTRY("reporter_country", true, "reporterCountry", true),
	OBSERVED_AT("observed_at", true, "observedAt", true),
	CONFIDENCE("confidence", false, "confidence", true),
	TYPE("type", true, "type", false),
	VALUE("value", true, "value", false),
	PLATFORM("platform", false, "platform", false),
	CHAIN("chain", false, "chain", false);

	private final String wire;

	private final boolean required;

	private final String apiField;

	private final boolean reportLevel;

	Column(String wire, boolean required, String apiField, boolean reportLevel) {
		this.wire = wire;
		this.required = required;
		this.apiField = apiField;
		this.reportLevel = reportLevel;
	}

	String wire() {
		return wire;
	}

	boolean required() {
		return required;
	}

	/** Whether every row of a report must carry the same value in this column. */
	boolean reportLevel() {
		return reportLevel;
	}

	static Optional<Column> fromWire(String name) {
		return Arrays.stream(values()).filter(c -> c.wire.equals(name)).findFirst();
	}

	/** The column named by a field of the report API, e.g. {@code reporterCountry}. */
	static String wireOfApiField(String apiField) {
		for (Column column : values()) {
			if (apiField.equals(column.apiField)) {
				return column.wire;
			}
		}
		return apiField;
	}

	static List<String> wireNames() {
		return Arrays.stream(values()).map(Column::wire).toList();
	}
}
