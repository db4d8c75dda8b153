package org.tipx.cases.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * A report as sent from the public page, checked: who reports, the person's nationality and the country where they
 * are held, whether they agree to both countries being told, and the reporter's own words ({@link ReportDetails}).
 * Problems name the field and the rule, never what was written.
 */
public record PublicReport(ReporterRole reporter, CountryCode nationality, CountryCode countryHeld,
		boolean shareWithBoth, String language, ReportDetails details) {

	/** The languages the public page is written in. */
	public static final List<String> LANGUAGES = List.of("en", "id", "th", "km", "my", "vi", "fil", "zh", "lo");

	static final int SHORT = 300;

	static final int LONG = 5_000;

	private static final Set<String> CONTACT_WHO = Set.of("PERSON", "REPORTER");

	public PublicReport {
		java.util.Objects.requireNonNull(reporter, "reporter");
		java.util.Objects.requireNonNull(nationality, "nationality");
		java.util.Objects.requireNonNull(countryHeld, "countryHeld");
		java.util.Objects.requireNonNull(details, "details");
		if (!LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("language");
		}
	}

	/** The form's fields as sent; every field that breaks a rule is named at once. */
	public record Form(String reporter, String nationality, String countryHeld, String area, String compound,
			String contactWho, String contactChannel, String safeTimes, Boolean doNotCall, String whatHappened,
			String share, String lang) {

		@Override
		public String toString() {
			return "PublicReport.Form[sealed]";
		}
	}

	/**
	 * Checks a form.
	 *
	 * @throws InvalidInputException naming each field and its rule
	 */
	public static PublicReport of(Form form) {
		List<FieldError> errors = new ArrayList<>();
		ReporterRole reporter = null;
		try {
			reporter = form.reporter() == null ? null : ReporterRole.valueOf(form.reporter());
		}
		catch (IllegalArgumentException e) {
			reporter = null;
		}
		if (reporter == null) {
			errors.add(new FieldError("reporter", "must be one of SELF, FAMILY, FRIEND"));
		}
		CountryCode nationality = country("nationality", form.nationality(), errors);
		CountryCode held = country("countryHeld", form.countryHeld(), errors);
		if (!"yes".equals(form.share()) && !"no".equals(form.share())) {
			errors.add(new FieldError("share", "must be yes or no"));
		}
		if (form.contactWho() != null && !form.contactWho().isBlank() && !CONTACT_WHO.contains(form.contactWho())) {
			errors.add(new FieldError("contactWho", "must be PERSON or REPORTER"));
		}
		length("area", form.area(), SHORT, errors);
		length("compound", form.compound(), SHORT, errors);
		length("contactChannel", form.contactChannel(), SHORT, errors);
		length("safeTimes", form.safeTimes(), SHORT, errors);
		length("whatHappened", form.whatHappened(), LONG, errors);
		if (form.whatHappened() == null || form.whatHappened().isBlank()) {
			errors.add(new FieldError("whatHappened", "must not be empty"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String language = form.lang() != null && LANGUAGES.contains(form.lang()) ? form.lang() : "en";
		return new PublicReport(reporter, nationality, held, "yes".equals(form.share()), language,
				new ReportDetails(form.area(), form.compound(), form.contactWho(), form.contactChannel(),
						form.safeTimes(), Boolean.TRUE.equals(form.doNotCall()), form.whatHappened()));
	}

	/**
	 * The countries told about this report: always the country of nationality (whose consulates help their
	 * nationals abroad); the country where the person is held only with the person's agreement (ADR 0018).
	 */
	public List<CountryCode> countriesTold() {
		return shareWithBoth && !countryHeld.equals(nationality) ? List.of(nationality, countryHeld)
				: List.of(nationality);
	}

	private static CountryCode country(String field, String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "must be chosen"));
			return null;
		}
		try {
			return new CountryCode(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError(field, "must be an ISO 3166-1 alpha-2 country code"));
			return null;
		}
	}

	private static void length(String field, String value, int limit, List<FieldError> errors) {
		if (value != null && value.strip().length() > limit) {
			errors.add(new FieldError(field, "must be at most " + limit + " characters"));
		}
	}
}
