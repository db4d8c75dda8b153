package org.tipx.screening.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tipx.screening.Outcome;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * Which finished screenings a reader asks for: whose (the reader's own, or the organisation's), the outcome in force,
 * the state of the officer's decision, the day range (UTC, both days included), the person's nationality, a search of
 * the screening's id or the screener's name, and the page. Every part but the scope may be absent.
 *
 * @param organisationWide the whole organisation's screenings, not only the reader's own
 * @param outcome          the outcome in force: the officer's where decided, else the computed one
 * @param decision         {@code PENDING}, {@code CONFIRMED}, {@code OVERRIDDEN} or {@code VOIDED}
 * @param page             0-based page
 * @param size             items per page, 1 to {@value #MAX_SIZE}
 */
public record ScreeningFilter(boolean organisationWide, Outcome outcome, String decision, LocalDate from, LocalDate to,
		CountryCode nationality, String query, int page, int size) {

	/** Decision states a screening can be in. */
	public static final List<String> DECISIONS = List.of("PENDING", "CONFIRMED", "OVERRIDDEN", "VOIDED");

	public static final int MAX_SIZE = 100;

	public static final int DEFAULT_SIZE = 20;

	static final int MAX_QUERY = 300;

	public ScreeningFilter {
		if (decision != null && !DECISIONS.contains(decision)) {
			throw new InvalidInputException("decision", "is not one of " + String.join(", ", DECISIONS));
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInputException("to", "is before from");
		}
		if (query != null && query.length() > MAX_QUERY) {
			throw new InvalidInputException("q", "is longer than " + MAX_QUERY + " characters");
		}
		if (page < 0) {
			throw new InvalidInputException("page", "is 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", "is between 1 and " + MAX_SIZE);
		}
		query = query == null || query.isBlank() ? null : query.strip();
	}

	/**
	 * Reads a filter as typed in a query string; blank means absent.
	 *
	 * @throws InvalidInputException naming every field that is not understood
	 */
	public static ScreeningFilter parse(boolean organisationWide, String outcome, String decision, String from,
			String to, String nationality, String query, String page, String size) {
		List<FieldError> errors = new ArrayList<>();
		Outcome chosen = null;
		if (present(outcome)) {
			try {
				chosen = Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				errors.add(new FieldError("outcome", "is not PRESUMED_VICTIM, POSSIBLE_VICTIM or NO_INDICATORS"));
			}
		}
		String state = present(decision) ? decision.strip().toUpperCase(Locale.ROOT) : null;
		if (state != null && !DECISIONS.contains(state)) {
			errors.add(new FieldError("decision", "is not one of " + String.join(", ", DECISIONS)));
		}
		LocalDate fromDay = day("from", from, errors);
		LocalDate toDay = day("to", to, errors);
		CountryCode country = null;
		if (present(nationality)) {
			try {
				country = CountryCode.parse("nationality", nationality.strip().toUpperCase(Locale.ROOT));
			}
			catch (InvalidInputException refused) {
				errors.addAll(refused.errors());
			}
		}
		int pageNumber = number("page", page, 0, errors);
		int pageSize = number("size", size, DEFAULT_SIZE, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new ScreeningFilter(organisationWide, chosen, state, fromDay, toDay, country, query, pageNumber,
				pageSize);
	}

	/** The filter in words for the audit trail: codes and dates only, never a search term. */
	String describe() {
		StringBuilder text = new StringBuilder(organisationWide ? "organisation" : "own");
		if (outcome != null) {
			text.append(" outcome=").append(outcome);
		}
		if (decision != null) {
			text.append(" decision=").append(decision);
		}
		if (from != null) {
			text.append(" from=").append(from);
		}
		if (to != null) {
			text.append(" to=").append(to);
		}
		if (nationality != null) {
			text.append(" nationality=").append(nationality);
		}
		if (query != null) {
			text.append(" searched");
		}
		return text.append(" page=").append(page).toString();
	}

	private static LocalDate day(String field, String given, List<FieldError> errors) {
		if (!present(given)) {
			return null;
		}
		try {
			return LocalDate.parse(given.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError(field, "is not a date such as 2026-11-30"));
			return null;
		}
	}

	private static int number(String field, String given, int otherwise, List<FieldError> errors) {
		if (!present(given)) {
			return otherwise;
		}
		try {
			int value = Integer.parseInt(given.strip());
			if (value < 0 || ("size".equals(field) && (value < 1 || value > MAX_SIZE))) {
				errors.add(new FieldError(field, "size".equals(field) ? "is between 1 and " + MAX_SIZE
						: "is 0 or more"));
			}
			return value;
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, "is not a whole number"));
			return otherwise;
		}
	}

	private static boolean present(String given) {
		return given != null && !given.isBlank();
	}
}
