package org.tipx.flows.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tipx.shared.InvalidInputException;

/**
 * A CSV file as uploaded (RFC 4180: quoted fields may hold commas, quotes doubled and line breaks), read from bytes
 * that must be UTF-8 (a byte-order mark is dropped): anything else is refused rather than turned into replacement
 * characters, so an account number or address is never silently altered. Every row must have as many fields as
 * the header. Rows keep the line they start on, so errors name the line a spreadsheet shows.
 *
 * @param header the header's names as written, trimmed
 * @param rows   the data rows, blank lines left out
 */
public record CsvTable(List<String> header, List<Row> rows) {

	/** One data row and the file line (from 1, the header) it starts on. */
	public record Row(int line, List<String> fields) {
	}

	public CsvTable {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
	}

	/** Reads strict UTF-8 CSV; a malformed file is refused naming the line. */
	public static CsvTable read(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException e) {
			throw new InvalidInputException("file", "not UTF-8 text: save the file as CSV UTF-8 and upload it again");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return parse(text);
	}

	static CsvTable parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		int line = 1;
		int start = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
				field.setLength(0);
			}
			else if (c == '"') {
				throw new InvalidInputException("line[" + line + "]", "a quote inside an unquoted field");
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
				addRecord(records, lines, fields, start);
				fields = new ArrayList<>();
				line++;
				start = line;
			}
			else if (!wasQuoted || !Character.isWhitespace(c)) {
				if (wasQuoted) {
					throw new InvalidInputException("line[" + line + "]", "text after a closing quote");
				}
				field.append(c);
			}
		}
		if (quoted) {
			throw new InvalidInputException("line[" + start + "]", "a quote opened and never closed");
		}
		fields.add(field.toString());
		addRecord(records, lines, fields, start);
		if (records.isEmpty()) {
			throw new InvalidInputException("file", "empty: a header line and one transfer a line");
		}
		List<String> header = records.get(0).stream().map(String::trim).toList();
		List<Row> rows = new ArrayList<>();
		for (int r = 1; r < records.size(); r++) {
			List<String> record = records.get(r);
			if (record.size() != header.size()) {
				throw new InvalidInputException("line[" + lines.get(r) + "]",
						record.size() + " fields where the header has " + header.size());
			}
			rows.add(new Row(lines.get(r), record.stream().map(String::trim).toList()));
		}
		if (rows.isEmpty()) {
			throw new InvalidInputException("file", "a header and no rows");
		}
		return new CsvTable(header, rows);
	}

	private static void addRecord(List<List<String>> records, List<Integer> lines, List<String> fields, int line) {
		if (fields.size() == 1 && fields.get(0).isBlank()) {
			return;
		}
		records.add(fields);
		lines.add(line);
	}

	/** The position of the first header name matching one of {@code names} (case, spaces and _ ignored), or -1. */
	public int column(String... names) {
		for (String name : names) {
			for (int c = 0; c < header.size(); c++) {
				if (key(header.get(c)).equals(key(name))) {
					return c;
				}
			}
		}
		return -1;
	}

	static String key(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
	}
}
