package org.tipx.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.tipx.screening.Outcome;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/** The finished-screenings filter as typed in a query string: blanks are absent, every bad field is named. */
class ScreeningFilterTests {

	@Test
	void blankFieldsFilterNothingAndTheFirstPageHoldsTwenty() {
		ScreeningFilter filter = ScreeningFilter.parse(false, "", " ", null, "", "", "  ", null, null);
		assertThat(filter.outcome()).isNull();
		assertThat(filter.decision()).isNull();
		assertThat(filter.from()).isNull();
		assertThat(filter.nationality()).isNull();
		assertThat(filter.query()).isNull();
		assertThat(filter.page()).isZero();
		assertThat(filter.size()).isEqualTo(20);
	}

	@Test
	void readsCodesWhateverTheirCase() {
		ScreeningFilter filter = ScreeningFilter.parse(true, "presumed_victim", "voided", "2026-11-01", "2026-11-30",
				"kh", "ab12", "2", "50");
		assertThat(filter.outcome()).isEqualTo(Outcome.PRESUMED_VICTIM);
		assertThat(filter.decision()).isEqualTo("VOIDED");
		assertThat(filter.to()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(filter.nationality().value()).isEqualTo("KH");
		assertThat(filter.describe()).contains("organisation", "outcome=PRESUMED_VICTIM", "nationality=KH", "searched")
				.doesNotContain("ab12");
	}

	@Test
	void namesEveryFieldItDoesNotUnderstand() {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> ScreeningFilter.parse(false, "MAYBE", "LATER", "yesterday", "2026-02-30", "ZZ", null, "-1",
						"0"));
		assertThat(refused.errors()).extracting(FieldError::field)
				.containsExactly("outcome", "decision", "from", "to", "nationality", "page", "size");
	}

	@Test
	void anEndBeforeTheStartIsNamedAtTheEnd() {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> ScreeningFilter.parse(false, null, null, "2026-05-02", "2026-05-01", null, null, null, null));
		assertThat(refused.errors()).extracting(FieldError::field).containsExactly("to");
	}
}
