package org.tipx.signals.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a row (or the file) cannot be imported.
 *
 * @param row     the row number: for CSV the record number counting the header as row 1 (as a spreadsheet shows
 *                it), for JSON Lines the line number; null when the problem is the file as a whole
 * @param field   {@code rows[12].type}, {@code rows[12]} for the whole row, {@code header}, or {@code file}
 * @param message what is wrong, in English words the sender can act on
 * @param code    what is wrong as a code pages put in words of their language ({@code required}, {@code notOneOf},
 *                {@code country}, {@code date}, {@code tooLong}, ...), or null where only the message says it
 * @param given   for {@code notOneOf} and {@code country}, the value the row gave (shortened); otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowError(Long row, String field, String message, String code, String given) {

	/** The longest given value kept: enough to recognise it. */
	static final int GIVEN = 40;

	public RowError {
		given = given == null || given.length() <= GIVEN ? given : given.substring(0, GIVEN) + "…";
	}

	RowError(Long row, String field, String message) {
		this(row, field, message, null, null);
	}

	/** The column this error is about, by its file name ({@code category}); null for a whole row or the file. */
	@JsonIgnore
	public String column() {
		int dot = field.indexOf("].");
		return dot < 0 ? null : field.substring(dot + 2);
	}

	static RowError at(long row, Column column, String message) {
		return new RowError(row, "rows[" + row + "]." + column.wire(), message);
	}

	static RowError at(long row, Column column, String message, String code, String given) {
		return new RowError(row, "rows[" + row + "]." + column.wire(), message, code, given);
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
