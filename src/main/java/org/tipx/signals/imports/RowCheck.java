package org.tipx.signals.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.filing.NewReport;
import org.tipx.signals.filing.ReportRules;
import org.tipx.signals.filing.ReportRules.FieldNames;

/**
 * Checks one row by the rules a report filed through the API must meet (the same {@link ReportRules}), plus what
 * only a file can get wrong: a missing report key, a date that does not parse, a NUL character.
 */
@Component
class RowCheck {

	static final int MAX_REPORT_KEY = 200;

	private static final String WHEN = "an ISO-8601 date or instant, e.g. 2026-11-02 or 2026-11-02T08:00:00Z";

	private final ReportRules rules;

	private final Canonicalisers canonicalisers;

	RowCheck(ReportRules rules, Canonicalisers canonicalisers) {
		this.rules = rules;
		this.canonicalisers = canonicalisers;
	}

	/** Adds the row's problems to {@code errors}; returns the row to stage, or null when it has any. */
	StagedRow check(ImportRow row, List<RowError> errors) {
		long n = row.number();
		List<RowError> found = new ArrayList<>(row.errors());
		for (Map.Entry<Column, String> cell : row.cells().entrySet()) {
			if (cell.getValue().indexOf('\0') >= 0) {
				found.add(RowError.at(n, cell.getKey(), "contains a NUL character", "nul", null));
			}
		}
		String key = row.cell(Column.REPORT_KEY);
		if (key == null) {
			found.add(RowError.at(n, Column.REPORT_KEY, "is required: rows with the same key make one report",
					"required", null));
		}
		else if (key.length() > MAX_REPORT_KEY) {
			found.add(RowError.at(n, Column.REPORT_KEY, "must be at most " + MAX_REPORT_KEY + " characters",
					"tooLong", null));
		}
		Instant observedAt = observedAt(row, found);
		Integer confidence = confidence(row, found);
		NewReport.NewIndicator indicator = new NewReport.NewIndicator(row.cell(Column.TYPE), row.cell(Column.VALUE),
				row.cell(Column.PLATFORM), row.cell(Column.CHAIN));
		NewReport report = new NewReport(row.cell(Column.TITLE), row.cell(Column.DESCRIPTION),
				row.cell(Column.REPORTER_COUNTRY), observedAt, row.cell(Column.CATEGORY), row.cell(Column.TLP), null,
				null, confidence, List.of(indicator));
		FieldNames names = field -> "rows[" + n + "]." + Column.wireOfApiField(field);
		List<FieldError> ruled = new ArrayList<>();
		ReportRules.Checked checked = rules.checkReport(report, names, ruled);
		rules.checkIndicator(indicator, names, ruled);
		if (ruled.isEmpty() && IndicatorType.MESSAGING_HANDLE.wire().equals(indicator.type())
				&& indicator.platform() == null) {
			RawIndicator raw = new RawIndicator(IndicatorType.MESSAGING_HANDLE, indicator.value(), null, null,
					checked.country());
			rules.checkPlatformKnown(raw, canonicalisers.canonicalise(raw), names, ruled);
		}
		ruled.forEach(e -> found.add(coded(row, e)));
		errors.addAll(found);
		if (!found.isEmpty()) {
			return null;
		}
		String description = report.description() == null ? null : report.description().strip();
		return new StagedRow(n, key, report.title().strip(), description, checked.category().name(),
				checked.tlp().name(), checked.country().value(), observedAt, confidence, indicator.type(),
				indicator.value(), indicator.platform(), indicator.chain());
	}

	/**
	 * A rule's error with a code for pages to put in words: which is told by the column and what the row gave, so
	 * the rules keep their one English wording for the API.
	 */
	private static RowError coded(ImportRow row, FieldError error) {
		String wire = error.field().substring(error.field().indexOf("].") + 2);
		Column column = Column.fromWire(wire).orElse(null);
		String given = column == null ? null : row.cell(column);
		boolean blank = given == null || given.isBlank();
		String code = column == null ? null : switch (column) {
			case CATEGORY, TLP, TYPE, CHAIN -> blank ? "required" : "notOneOf";
			case PLATFORM -> blank ? "platformRequired" : "notOneOf";
			case REPORTER_COUNTRY -> blank ? "required" : "country";
			case TITLE, VALUE -> blank ? "required" : "tooLong";
			case DESCRIPTION -> "tooLong";
			case CONFIDENCE -> "confidence";
			case OBSERVED_AT -> error.message().startsWith("is in the future") ? "future" : "tooEarly";
			default -> null;
		};
		boolean showsGiven = "notOneOf".equals(code) || "country".equals(code);
		return new RowError(row.number(), error.field(), error.message(), code, showsGiven ? given.strip() : null);
	}

	private static Instant observedAt(ImportRow row, List<RowError> found) {
		String text = row.cell(Column.OBSERVED_AT);
		if (text == null) {
			found.add(RowError.at(row.number(), Column.OBSERVED_AT, "is required: " + WHEN, "required", null));
			return null;
		}
		String given = text.strip();
		try {
			if (given.length() == 10) {
				return LocalDate.parse(given).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(given).toInstant();
		}
		catch (DateTimeParseException e) {
			found.add(RowError.at(row.number(), Column.OBSERVED_AT, "'" + abbreviated(given) + "' is not " + WHEN,
					"date", given));
			return null;
		}
	}

	private static Integer confidence(ImportRow row, List<RowError> found) {
		String text = row.cell(Column.CONFIDENCE);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			found.add(RowError.at(row.number(), Column.CONFIDENCE, "must be a whole number between 0 and 100",
					"confidence", null));
			return null;
		}
	}

	private static String abbreviated(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}
}
