package org.tipx.signals.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;

/**
 * Reads CSV (RFC 4180: comma-separated, double quotes, quoted fields may span lines) with Jackson's streaming CSV
 * parser. The first record is the header and names the columns, in any order.
 */
class CsvRows implements RowReader {

	private final JsonParser parser;

	private final int maxFieldLength;

	private Column[] columns;

	private long record;

	CsvRows(Reader text, int maxFieldLength) {
		this.maxFieldLength = maxFieldLength;
		CsvFactory factory = CsvFactory.builder()
				.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxFieldLength).build()).build();
		this.parser = new CsvMapper(factory).createParser(text);
	}

	@Override
	public ImportRow next() {
		if (columns == null) {
			columns = header();
		}
		while (true) {
			List<String> cells = record();
			if (cells == null) {
				return null;
			}
			if (cells.size() == 1 && cells.get(0).isBlank() && columns.length > 1) {
				continue;
			}
			List<RowError> errors = new ArrayList<>();
			Map<Column, String> byColumn = new EnumMap<>(Column.class);
			if (cells.size() != columns.length) {
				errors.add(RowError.row(record,
						"has " + cells.size() + " cells where the header has " + columns.length + " columns"));
			}
			for (int i = 0; i < Math.min(cells.size(), columns.length); i++) {
				if (!cells.get(i).isBlank()) {
					byColumn.put(columns[i], cells.get(i));
				}
			}
			return new ImportRow(record, byColumn, errors);
		}
	}

	private Column[] header() {
		List<String> names = record();
		if (names == null) {
			throw new UnreadableFile(RowError.file("is empty: a CSV import starts with a header row naming the columns "
					+ Column.wireNames()));
		}
		List<String> problems = new ArrayList<>();
		Set<Column> seen = new LinkedHashSet<>();
		Column[] found = new Column[names.size()];
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).strip();
			Optional<Column> column = Column.fromWire(name);
			if (column.isEmpty()) {
				problems.add("'" + name + "' is not a known column");
			}
			else if (!seen.add(column.get())) {
				problems.add("'" + name + "' appears twice");
			}
			else {
				found[i] = column.get();
			}
		}
		for (Column column : Column.values()) {
			if (column.required() && !seen.contains(column)) {
				problems.add("column '" + column.wire() + "' is missing");
			}
		}
		if (!problems.isEmpty()) {
			throw new UnreadableFile(RowError.header(String.join("; ", problems) + " (columns: " + Column.wireNames()
					+ ")"));
		}
		return found;
	}

	/** The cells of the next record, or null at the end of the file. */
	private List<String> record() {
		record++;
		try {
			JsonToken token = parser.nextToken();
			if (token == null) {
				return null;
			}
			List<String> cells = new ArrayList<>();
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
				cells.add(parser.getString());
			}
			return cells;
		}
		catch (StreamConstraintsException e) {
			throw new UnreadableFile(RowError.row(record, "has a field longer than " + maxFieldLength
					+ " characters (or a quote that is never closed)"));
		}
		catch (JacksonIOException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				throw new UnreadableFile(RowError.row(record, "is not valid UTF-8: save the file as UTF-8"));
			}
			throw new UncheckedIOException(e.getCause());
		}
		catch (JacksonException e) {
			throw new UnreadableFile(RowError.row(record, "is not valid CSV: " + e.getOriginalMessage()));
		}
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}
}
