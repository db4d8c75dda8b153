package org.tipx.flows.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tipx.shared.InvalidInputException;

/** Reads a CSV with a header line into rows keyed by the header's names (quoted fields may hold commas). */
final class CsvRows {

	private CsvRows() {
	}

	static List<Map<String, Object>> read(String csv) {
		String[] lines = csv.strip().split("\\r?\\n");
		if (lines.length == 0 || lines[0].isBlank()) {
			throw new InvalidInputException("file", "empty: a header line and one transfer a line");
		}
		List<String> header = fields(lines[0]).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			List<String> values = fields(lines[i]);
			Map<String, Object> row = new LinkedHashMap<>();
			for (int c = 0; c < header.size() && c < values.size(); c++) {
				row.put(header.get(c), values.get(c));
			}
			rows.add(row);
		}
		return rows;
	}

	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				field.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}
}
