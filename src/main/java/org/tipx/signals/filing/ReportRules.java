package org.tipx.signals.filing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.RawIndicator;

/**
 * The structural rules of a report, shared by the API and bulk import so both refuse the same things in the same
 * words. Each check adds its errors to a list, naming fields through {@link FieldNames}: the API names JSON fields,
 * an import names rows and columns.
 */
@Component
public class ReportRules {

	public static final int MAX_TITLE = 300;

	public static final int MAX_DESCRIPTION = 20_000;

	/** The longest indicator value (a long URL fits; anything longer is not an identifier). */
	public static final int MAX_VALUE = 2_000;

	/**
	 * The earliest observation accepted: no scam-compound report predates it, and years far off (year 0,
	 * {@code -infinity} in PostgreSQL) are typing mistakes or probes that would otherwise break storage and sorting.
	 */
	public static final Instant EARLIEST_OBSERVATION = Instant.parse("1990-01-01T00:00:00Z");

	private final Clock clock;

	ReportRules(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Title, description, reporter country, observation time, category, TLP and confidence. Whether an observation
	 * time was given at all, and in what format, is the caller's to check: JSON and CSV write it differently.
	 */
	public Checked checkReport(NewReport r, FieldNames names, List<FieldError> errors) {
		if (r.title() == null || r.title().isBlank() || r.title().length() > MAX_TITLE) {
			errors.add(new FieldError(names.of("title"), "is required, at most 300 characters"));
		}
		if (r.description() != null && r.description().length() > MAX_DESCRIPTION) {
			errors.add(new FieldError(names.of("description"), "must be at most 20,000 characters"));
		}
		CountryCode country = null;
		try {
			country = CountryCode.parse("reporterCountry", r.reporterCountry());
		}
		catch (InvalidInputException e) {
			e.errors().forEach(error -> errors.add(new FieldError(names.of(error.field()), error.message())));
		}
		if (r.observedAt() != null && inTheFuture(r.observedAt())) {
			errors.add(new FieldError(names.of("observedAt"), "is in the future"));
		}
		else if (r.observedAt() != null && r.observedAt().isBefore(EARLIEST_OBSERVATION)) {
			errors.add(new FieldError(names.of("observedAt"), "must be on or after 1990-01-01"));
		}
		Category category = parse(Category.class, r.category(), names, "category", errors);
		Tlp tlp = parse(Tlp.class, r.tlp(), names, "tlp", errors);
		if (r.confidence() != null && (r.confidence() < 0 || r.confidence() > 100)) {
			errors.add(new FieldError(names.of("confidence"), "must be between 0 and 100"));
		}
		return new Checked(country, category, tlp);
	}

	/** An indicator's type, value, platform and chain, as far as they can be checked without reading the value. */
	public void checkIndicator(NewReport.NewIndicator indicator, FieldNames names, List<FieldError> errors) {
		if (indicator.type() == null || IndicatorType.fromWire(indicator.type()).isEmpty()) {
			errors.add(new FieldError(names.of("type"), "must be one of " + IndicatorType.wireNames()));
		}
		if (indicator.value() == null || indicator.value().isBlank()) {
			errors.add(new FieldError(names.of("value"), "is required"));
		}
		else if (indicator.value().length() > MAX_VALUE) {
			errors.add(new FieldError(names.of("value"), "must be at most 2,000 characters"));
		}
		if (indicator.platform() != null && Platform.fromWire(indicator.platform()).isEmpty()) {
			errors.add(new FieldError(names.of("platform"), "must be one of " + Platform.wireNames()));
		}
		if (indicator.chain() != null && Chain.fromWire(indicator.chain()).isEmpty()) {
			errors.add(new FieldError(names.of("chain"), "must be one of " + Chain.wireNames()));
		}
	}

	/** A handle is only usable with its platform: given, or evident from the value (a t.me link is). */
	public void checkPlatformKnown(RawIndicator raw, Canonical canonical, FieldNames names, List<FieldError> errors) {
		if (raw.type() == IndicatorType.MESSAGING_HANDLE && raw.platform() == null
				&& !canonical.details().containsKey("platform")) {
			errors.add(new FieldError(names.of("platform"),
					"is required for a handle whose platform cannot be told from the value, one of "
							+ Platform.wireNames()));
		}
	}

	/** More than a day ahead: beyond what time zones explain. */
	private boolean inTheFuture(Instant observedAt) {
		return observedAt.isAfter(clock.instant().plus(Duration.ofDays(1)));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, FieldNames names, String field,
			List<FieldError> errors) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError(names.of(field),
					"must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
			return null;
		}
	}

	/** How errors name a field, given its name in the API (e.g. {@code reporterCountry}). */
	@FunctionalInterface
	public interface FieldNames {

		/** The API's own names. */
		FieldNames JSON = field -> field;

		String of(String field);

		/** The fields of the indicator at {@code index} of a report in the API. */
		static FieldNames indicator(int index) {
			return field -> "indicators[" + index + "]." + field;
		}
	}

	/** The report-level values that passed; null where they did not. */
	public record Checked(CountryCode country, Category category, Tlp tlp) {
	}
}
