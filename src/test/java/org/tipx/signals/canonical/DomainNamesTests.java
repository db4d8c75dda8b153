package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.tipx.signals.IndicatorType;

/**
 * Domain names: the full host as the DNS knows it, its registrable domain from the Public Suffix List, and lookalike
 * names flagged.
 */
class DomainNamesTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@Test
	void theHostIsKeptAndItsRegistrableDomainDerived() {
		Canonical domain = domain("WWW.Golden-Jobs.CO.TH.");
		assertThat(domain.valid()).isTrue();
		assertThat(domain.canonical()).isEqualTo("www.golden-jobs.co.th");
		assertThat(domain.details()).containsEntry("registrableDomain", "golden-jobs.co.th")
				.containsEntry("publicSuffix", "co.th").containsEntry("host", "www.golden-jobs.co.th");
		assertThat(domain.derived()).containsExactly(new Canonical.Derived(IndicatorType.DOMAIN, "golden-jobs.co.th"));
		assertThat(domain.steps()).contains("removed the trailing dot (the DNS root)",
				"lower-cased: domain names ignore case");
	}

	@Test
	void aRegistrableDomainDerivesNothingMore() {
		assertThat(domain("golden-jobs.com").derived()).isEmpty();
	}

	@Test
	void subdomainsOfSharedHostingAreTheirOwnRegistrableDomains() {
		assertThat(domain("golden-jobs.blogspot.com").details()).containsEntry("registrableDomain",
				"golden-jobs.blogspot.com");
		assertThat(domain("login.golden-jobs.github.io").details()).containsEntry("registrableDomain",
				"golden-jobs.github.io");
	}

	@Test
	void internationalNamesAreWrittenInPunycode() {
		Canonical domain = domain("Bücher.de");
		assertThat(domain.canonical()).isEqualTo("xn--bcher-kva.de");
		assertThat(domain.details()).containsEntry("unicode", "bücher.de");
		assertThat(domain("ไทย.com").canonical()).isEqualTo("xn--o3cw4h.com");
	}

	@Test
	void fullWidthCharactersAreMappedAsBrowsersDo() {
		assertThat(domain("ｇｏｌｄｅｎ－ｊｏｂｓ．ｃｏｍ").canonical()).isEqualTo("golden-jobs.com");
	}

	@Test
	void aLabelMixingCyrillicAndLatinIsFlaggedAsALookalike() {
		Canonical domain = domain("pаypal.com");
		assertThat(domain.valid()).isTrue();
		assertThat(domain.canonical()).isEqualTo("xn--pypal-4ve.com");
		assertThat(domain.details()).containsEntry("mixedScripts", "Cyrillic, Latin")
				.containsEntry("looksLike", "paypal.com");
		assertThat(domain.steps()).anyMatch(s -> s.startsWith("warning:"));
	}

	@Test
	void anAllCyrillicImitationOfALatinNameIsFlagged() {
		Canonical domain = domain("аррӏе.com");
		assertThat(domain.details()).containsEntry("looksLike", "apple.com");
	}

	@Test
	void anOrdinaryInternationalNameIsNotFlagged() {
		assertThat(domain("bücher.de").details()).doesNotContainKeys("mixedScripts", "looksLike");
	}

	@Test
	void theHostIsTakenFromAWebAddressAndDefangedNamesAreReArmed() {
		assertThat(domain("https://login.golden-jobs.com/apply?x=1").canonical()).isEqualTo("login.golden-jobs.com");
		assertThat(domain("golden-jobs[.]com").canonical()).isEqualTo("golden-jobs.com");
		assertThat(domain("*.golden-jobs.com").canonical()).isEqualTo("golden-jobs.com");
	}

	@Test
	void namesNobodyCanOwnAreInvalid() {
		assertThat(domain("co.uk").reason()).contains("public suffix");
		assertThat(domain("com").valid()).isFalse();
		assertThat(domain("golden-jobs.notatld").reason())
				.isEqualTo(".notatld is not a top-level domain in the Public Suffix List");
		assertThat(domain("-golden.com").reason()).contains("hyphen");
		assertThat(domain("golden jobs.com").valid()).isFalse();
		assertThat(domain("a".repeat(64) + ".com").valid()).isFalse();
		assertThat(domain("203.0.114.7").reason()).contains("file it as ip");
		assertThat(domain("hr@golden-jobs.com").reason()).contains("file it as email");
	}

	@Test
	void theCanonicalFormReadsBackToItself() {
		for (String typed : new String[] {"WWW.Golden-Jobs.CO.TH.", "pаypal.com", "Bücher.de"}) {
			String canonical = domain(typed).canonical();
			assertThat(domain(canonical).canonical()).isEqualTo(canonical);
		}
	}

	private Canonical domain(String value) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.DOMAIN, value, null, null, null));
	}
}
