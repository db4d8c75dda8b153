package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tipx.signals.IndicatorType;

/**
 * E-mail addresses: lower case, domain as the DNS knows it, and the provider's documented rules.
 */
class EmailAddressesTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			John.Smith@gmail.com                  | johnsmith@gmail.com
			johnsmith@gmail.com                   | johnsmith@gmail.com
			j.o.h.n.s.m.i.t.h@gmail.com           | johnsmith@gmail.com
			JohnSmith+jobs@gmail.com              | johnsmith@gmail.com
			John.Smith+thai.visa@GoogleMail.com   | johnsmith@gmail.com
			""")
	void gmailIgnoresDotsAndPlusTagsAndGooglemailIsGmail(String typed, String canonical) {
		Canonical email = email(typed);
		assertThat(email.valid()).isTrue();
		assertThat(email.canonical()).isEqualTo(canonical);
		assertThat(email.details()).containsEntry("provider", "Gmail");
	}

	@Test
	void otherProvidersKeepTheirDotsAndOnlyTheDocumentedPlusTagGoes() {
		assertThat(email("Somchai.K+shop@Outlook.com").canonical()).isEqualTo("somchai.k@outlook.com");
		assertThat(email("Somchai.K@hotmail.com").canonical()).isEqualTo("somchai.k@hotmail.com");
		assertThat(email("hr.team+cv@proton.me").canonical()).isEqualTo("hr.team@proton.me");
		// Yahoo does not deliver name+tag to name: the + stays.
		assertThat(email("Hr.Team+cv@Yahoo.com").canonical()).isEqualTo("hr.team+cv@yahoo.com");
	}

	@Test
	void aScamCompanysOwnMailboxIsLowerCasedAndShowsButDoesNotDeriveItsDomain() {
		Canonical email = email("Recruiter <HR.Team@Mail.Golden-Jobs.co.th>");
		assertThat(email.canonical()).isEqualTo("hr.team@mail.golden-jobs.co.th");
		assertThat(email.details()).containsEntry("domain", "mail.golden-jobs.co.th")
				.containsEntry("registrableDomain", "golden-jobs.co.th");
		assertThat(email.derived()).isEmpty();
		assertThat(email.steps()).contains("took the address from between < and >");
	}

	@Test
	void mailtoLinksDefangedAndFullWidthSpellingsAreReadBack() {
		assertThat(email("mailto:HR@golden-jobs.com?subject=CV").canonical()).isEqualTo("hr@golden-jobs.com");
		assertThat(email("hr[at]golden-jobs[.]com").canonical()).isEqualTo("hr@golden-jobs.com");
		assertThat(email("ｈｒ＠ｇｏｌｄｅｎ-ｊｏｂｓ．ｃｏｍ").canonical()).isEqualTo("hr@golden-jobs.com");
	}

	@Test
	void anInternationalDomainIsWrittenInPunycode() {
		assertThat(email("info@bücher.de").canonical()).isEqualTo("info@xn--bcher-kva.de");
	}

	@Test
	void addressesThatCannotExistAreInvalidWithTheReason() {
		assertThat(email("golden-jobs.com").reason()).isEqualTo("no @ between a name and a domain");
		assertThat(email("a@b@golden-jobs.com").reason()).isEqualTo("more than one @");
		assertThat(email("john smith@gmail.com").valid()).isFalse();
		assertThat(email("john..smith@golden-jobs.com").valid()).isFalse();
		assertThat(email("hr@golden-jobs.notatld").reason()).contains(".notatld is not a top-level domain");
		assertThat(email("+jobs@gmail.com").reason()).isEqualTo("nothing before the +");
		assertThat(email("x".repeat(65) + "@golden-jobs.com").valid()).isFalse();
	}

	@Test
	void theCanonicalFormReadsBackToItself() {
		String canonical = email("John.Smith+thai.visa@GoogleMail.com").canonical();
		assertThat(email(canonical).canonical()).isEqualTo(canonical);
	}

	private Canonical email(String value) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.EMAIL, value, null, null, null));
	}
}
