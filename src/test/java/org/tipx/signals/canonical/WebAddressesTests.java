package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;

/**
 * Web addresses reduced to the page they lead to, with the identifiers they imply.
 */
class WebAddressesTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			https://golden-jobs.com/apply?utm_source=facebook&utm_medium=cpc&utm_campaign=thai                | https://golden-jobs.com/apply
			https://golden-jobs.com/apply?fbclid=IwAR2xYz0AbCdEf                                               | https://golden-jobs.com/apply
			https://golden-jobs.com/apply?gclid=Cj0KCQjw&ref=agent77                                           | https://golden-jobs.com/apply?ref=agent77
			https://golden-jobs.com/apply?b=2&msclkid=abc&a=1&_ga=2.1.2.3&ttclid=x&igsh=y                      | https://golden-jobs.com/apply?a=1&b=2
			https://golden-jobs.com/apply?UTM_SOURCE=line                                                      | https://golden-jobs.com/apply
			""")
	void trackingParametersGoAndTheRestIsSorted(String typed, String canonical) {
		assertThat(url(typed).canonical()).isEqualTo(canonical);
	}

	@Test
	void schemeAndHostAreLowerCasedDefaultPortAndFragmentRemovedPathKept() {
		Canonical url = url("HTTPS://WWW.Golden-Jobs.COM:443/Jobs/../Apply/%7eagent/?b=2&a=1#contact");
		assertThat(url.canonical()).isEqualTo("https://www.golden-jobs.com/Apply/~agent/?a=1&b=2");
		assertThat(url.steps()).contains("removed the default port", "sorted the query parameters by name",
				"removed the fragment (#contact): it never reaches the server");
		assertThat(url("http://golden-jobs.com:80").canonical()).isEqualTo("http://golden-jobs.com/");
		assertThat(url("https://golden-jobs.com:8443/x").canonical()).isEqualTo("https://golden-jobs.com:8443/x");
	}

	@Test
	void aUrlDerivesItsHostAndRegistrableDomain() {
		Canonical url = url("https://login.golden-jobs.co.th/apply");
		assertThat(url.derived()).containsExactly(new Canonical.Derived(IndicatorType.DOMAIN, "login.golden-jobs.co.th"),
				new Canonical.Derived(IndicatorType.DOMAIN, "golden-jobs.co.th"));
		assertThat(url.details()).containsEntry("host", "login.golden-jobs.co.th")
				.containsEntry("registrableDomain", "golden-jobs.co.th");
	}

	@Test
	void anInternationalHostIsPunycodeAndThePathPercentEncoded() {
		assertThat(url("https://Bücher.de/straße?q=ü").canonical())
				.isEqualTo("https://xn--bcher-kva.de/stra%C3%9Fe?q=%C3%BC");
		assertThat(url("https://golden-jobs.com/a%2fb%c3%bc").canonical()).isEqualTo("https://golden-jobs.com/a%2Fb%C3%BC");
	}

	@Test
	void aMissingSchemeIsReadAsHttpsAndDefangedLinksAreReArmed() {
		assertThat(url("golden-jobs.com/apply").canonical()).isEqualTo("https://golden-jobs.com/apply");
		assertThat(url("hxxps://golden-jobs[.]com/apply").canonical()).isEqualTo("https://golden-jobs.com/apply");
		assertThat(url("https:\\\\golden-jobs.com\\apply").canonical()).isEqualTo("https://golden-jobs.com/apply");
	}

	@Test
	void aUserNameBeforeTheHostIsRemovedAsTheDisguiseItIs() {
		Canonical url = url("http://paypal.com@golden-jobs.com/login");
		assertThat(url.canonical()).isEqualTo("http://golden-jobs.com/login");
		assertThat(url.details()).containsEntry("disguise", "paypal.com");
		assertThat(url.derived()).contains(new Canonical.Derived(IndicatorType.DOMAIN, "golden-jobs.com"));
	}

	@Test
	void aLookalikeHostIsFlagged() {
		Canonical url = url("https://pаypal.com/login");
		assertThat(url.canonical()).isEqualTo("https://xn--pypal-4ve.com/login");
		assertThat(url.details()).containsEntry("looksLike", "paypal.com");
	}

	@Test
	void aTelegramLinkDerivesTheHandle() {
		Canonical url = url("https://t.me/Golden_Jobs_KH?utm_source=fb");
		assertThat(url.canonical()).isEqualTo("https://t.me/Golden_Jobs_KH");
		assertThat(url.derived()).contains(new Canonical.Derived(IndicatorType.MESSAGING_HANDLE, "telegram:golden_jobs_kh"),
				new Canonical.Derived(IndicatorType.DOMAIN, "t.me"));
	}

	@Test
	void aWhatsAppLinkDerivesThePhoneNumber() {
		assertThat(url("https://wa.me/85512345678").derived()).contains(
				new Canonical.Derived(IndicatorType.PHONE, "+85512345678"),
				new Canonical.Derived(IndicatorType.MESSAGING_HANDLE, "whatsapp:+85512345678"));
		assertThat(url("https://api.whatsapp.com/send?phone=6281234567890&text=Halo").derived())
				.contains(new Canonical.Derived(IndicatorType.PHONE, "+6281234567890"));
	}

	@Test
	void aLinkToAnInviteIsAUrlButDerivesNoHandle() {
		Canonical url = url("https://t.me/+AbCdEfGh123");
		assertThat(url.valid()).isTrue();
		assertThat(url.derived()).noneMatch(d -> d.type() == IndicatorType.MESSAGING_HANDLE);
	}

	@Test
	void anIpHostDerivesTheIpUnlessItIsPrivate() {
		assertThat(url("http://203.0.114.7:8080/admin").derived())
				.containsExactly(new Canonical.Derived(IndicatorType.IP, "203.0.114.7"));
		Canonical privateHost = url("http://192.168.1.1/admin");
		assertThat(privateHost.valid()).isTrue();
		assertThat(privateHost.derived()).isEmpty();
		assertThat(url("http://[2606:4700:0:0:0:0:0:1111]/").canonical()).isEqualTo("http://[2606:4700::1111]/");
	}

	@Test
	void addressesThatAreNotWebAddressesAreInvalid() {
		assertThat(url("ftp://golden-jobs.com/cv.doc").reason()).contains("http, https");
		assertThat(url("mailto:hr@golden-jobs.com").valid()).isFalse();
		assertThat(url("https://golden-jobs.notatld/").reason()).contains(".notatld");
		assertThat(url("https://").valid()).isFalse();
	}

	@Test
	void theCanonicalFormReadsBackToItself() {
		for (String typed : new String[] {"HTTPS://WWW.Golden-Jobs.COM:443/Jobs/../Apply/%7eagent/?b=2&a=1#contact",
				"https://Bücher.de/straße?q=ü", "https://t.me/Golden_Jobs_KH?utm_source=fb"}) {
			String canonical = url(typed).canonical();
			assertThat(url(canonical).canonical()).isEqualTo(canonical);
		}
	}

	private Canonical url(String value) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.URL, value, null, null, new CountryCode("KH")));
	}
}
