package org.tipx.signals.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row as read from the file: its non-blank cells by column, and any problem met reading it (a cell count that
 * does not match the header, a line that is not a JSON object).
 */
record ImportRow(long number, Map<Column, String> cells, List<RowError> errors) {

	ImportRow {
		cells = cells.isEmpty() ? Map.of() : new EnumMap<>(cells);
		errors = List.copyOf(errors);
	}

	String cell(Column column) {
		return cells.get(column);
	}
}
