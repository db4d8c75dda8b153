package org.tipx.signals.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON Lines: one JSON object per line, keyed by the column names. Blank lines are skipped; a line that is not
 * an object is a bad row, and reading goes on with the next line.
 */
class JsonLines implements RowReader {

	private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();

	private final BufferedReader text;

	private final int maxFieldLength;

	private final int maxLineLength;

	private final StringBuilder line = new StringBuilder();

	private long number;

	JsonLines(Reader text, int maxFieldLength) {
		this.text = new BufferedReader(text, 1 << 16);
		this.maxFieldLength = maxFieldLength;
		this.maxLineLength = maxFieldLength * 4;
	}

	@Override
	public ImportRow next() {
		while (true) {
			number++;
			Boolean fits = readLine();
			if (fits == null) {
				return null;
			}
			if (!fits) {
				return bad(RowError.row(number, "is longer than " + maxLineLength + " characters"));
			}
			if (!line.toString().isBlank()) {
				return parse(line.toString());
			}
		}
	}

	private ImportRow parse(String json) {
		JsonNode node;
		try {
			node = JSON.readTree(json);
		}
		catch (JacksonException e) {
			return bad(RowError.row(number, "is not a JSON object: " + e.getOriginalMessage()));
		}
		if (node == null || !node.isObject()) {
			return bad(RowError.row(number, "is not a JSON object"));
		}
		List<RowError> errors = new ArrayList<>();
		Map<Column, String> cells = new EnumMap<>(Column.class);
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			Optional<Column> column = Column.fromWire(field.getKey());
			JsonNode value = field.getValue();
			if (column.isEmpty()) {
				errors.add(RowError.row(number, "'" + field.getKey() + "' is not a known key (keys: "
						+ Column.wireNames() + ")"));
			}
			else if (value.isString() || value.isNumber()) {
				String text = value.isString() ? value.stringValue() : value.asString();
				if (text.length() > maxFieldLength) {
					errors.add(RowError.at(number, column.get(), "is longer than " + maxFieldLength + " characters"));
				}
				else if (!text.isBlank()) {
					cells.put(column.get(), text);
				}
			}
			else if (!value.isNull()) {
				errors.add(RowError.at(number, column.get(), "must be a string"));
			}
		}
		return new ImportRow(number, cells, errors);
	}

	private ImportRow bad(RowError error) {
		return new ImportRow(number, Map.of(), List.of(error));
	}

	/** Reads up to the next line break: null at the end of the file, false if the line was too long (skipped). */
	private Boolean readLine() {
		line.setLength(0);
		boolean overlong = false;
		try {
			int c = text.read();
			if (c < 0) {
				return null;
			}
			while (c >= 0 && c != '\n') {
				if (line.length() < maxLineLength) {
					line.append((char) c);
				}
				else {
					overlong = true;
				}
				c = text.read();
			}
		}
		catch (CharacterCodingException e) {
			throw new UnreadableFile(RowError.row(number, "is not valid UTF-8: save the file as UTF-8"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
			line.setLength(line.length() - 1);
		}
		return !overlong;
	}

	@Override
	public void close() throws IOException {
		text.close();
	}
}
