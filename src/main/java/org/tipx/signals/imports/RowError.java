package org.tipx.signals.imports;

/**
 * Why a row (or the file) cannot be imported.
 *
 * @param row     the row number: for CSV the record number counting the header as row 1 (as a spreadsheet shows
 *                it), for JSON Lines the line number; null when the problem is the file as a whole
 * @param field   {@code rows[12].type}, {@code rows[12]} for the whole row, {@code header}, or {@code file}
 * @param message what is wrong, in words the sender can act on
 */
public record RowError(Long row, String field, String message) {

	static RowError at(long row, Column column, String message) {
		return new RowError(row, "rows[" + row + "]." + column.wire(), message);
	}

	static RowError row(long row, String message) {
		return new RowError(row, "rows[" + row + "]", message);
	}

	static RowError header(String message) {
		return new RowError(1L, "header", message);
	}

	static RowError file(String message) {
		return new RowError(null, "file", message);
	}
}
