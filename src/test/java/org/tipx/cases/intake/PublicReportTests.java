package org.tipx.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;

class PublicReportTests {

	static PublicReport.Form form(String nationality, String held, String share, String whatHappened) {
		return new PublicReport.Form("FRIEND", nationality, held, "area", null, null, "Line", null, true,
				whatHappened, share, "km");
	}

	@Test
	void withConsentBothCountriesAreToldAndWithoutItOnlyTheCountryOfNationality() {
		assertThat(PublicReport.of(form("KH", "MM", "yes", "held")).countriesTold())
				.containsExactly(new CountryCode("KH"), new CountryCode("MM"));
		assertThat(PublicReport.of(form("KH", "MM", "no", "held")).countriesTold())
				.containsExactly(new CountryCode("KH"));
		assertThat(PublicReport.of(form("KH", "KH", "yes", "held")).countriesTold())
				.as("held in their own country").containsExactly(new CountryCode("KH"));
	}

	@Test
	void everyBrokenFieldIsNamedAndNoneOfTheWordsIsRepeated() {
		String secret = "secret-words-" + "x".repeat(PublicReport.LONG);

		assertThatThrownBy(() -> PublicReport.of(new PublicReport.Form("BOSS", "XX", null, secret, null, "ME", null,
				null, null, secret, "maybe", "en")))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> {
					assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder(
							"reporter", "nationality", "countryHeld", "share", "contactWho", "area", "whatHappened");
					assertThat(e.errors().toString()).doesNotContain("secret-words");
				});
	}

	@Test
	void theReportersWordsNeverAppearInItsText() {
		PublicReport report = PublicReport.of(form("KH", "MM", "yes", "my-words"));

		assertThat(List.of(report.toString(), report.details().toString(), form("KH", "MM", "yes", "my-words")
				.toString())).noneMatch(text -> text.contains("my-words"));
		assertThat(report.language()).isEqualTo("km");
	}
}
