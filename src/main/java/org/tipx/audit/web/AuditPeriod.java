package org.tipx.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dates an audit search covers, as typed: {@code from} and {@code to} are whole UTC days (yyyy-mm-dd), both
 * included. A date that cannot be read, or a {@code to} before {@code from}, is an error for that field (the bundle key
 * of its message), and no entries are shown until it is corrected, rather than entries the person did not ask for.
 */
record AuditPeriod(String from, String to, Instant start, Instant end, Map<String, String> errors) {

	static AuditPeriod parse(String from, String to) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate first = day("from", from, errors);
		LocalDate last = day("to", to, errors);
		if (first != null && last != null && last.isBefore(first)) {
			errors.put("to", "administration.audit.to.beforeFrom");
			last = null;
		}
		return new AuditPeriod(clean(from), clean(to),
				first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Map.copyOf(errors));
	}

	boolean valid() {
		return errors.isEmpty();
	}

	private static LocalDate day(String field, String value, Map<String, String> errors) {
		String clean = clean(value);
		if (clean.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(clean);
		}
		catch (DateTimeParseException e) {
			errors.put(field, "administration.audit.date.invalid");
			return null;
		}
	}

	private static String clean(String value) {
		return value == null ? "" : value.strip();
	}
}
