package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.tipx.signals.IndicatorType;

/**
 * Names and aliases: Unicode NFKC case folding, one space, and Myanmar Zawgyi text converted to Unicode.
 */
class NamesTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@Test
	void caseSpacesAndFullWidthLettersStopMattering() {
		String canonical = "golden jobs recruitment co., ltd";
		assertThat(organisation("  Golden  Jobs   Recruitment Co., LTD ").canonical()).isEqualTo(canonical);
		assertThat(organisation("GOLDEN JOBS RECRUITMENT CO., LTD").canonical()).isEqualTo(canonical);
		assertThat(organisation("Ｇｏｌｄｅｎ Ｊｏｂｓ Ｒｅｃｒｕｉｔｍｅｎｔ Ｃｏ., Ｌｔｄ").canonical()).isEqualTo(canonical);
		assertThat(organisation("Golden\u200b Jobs\u00a0Recruitment\tCo., Ltd").canonical()).isEqualTo(canonical);
	}

	@Test
	void caseFoldingIsFullNotJustLowerCase() {
		assertThat(alias("STRASSE").canonical()).isEqualTo(alias("Straße").canonical());
	}

	@Test
	void myanmarTextTypedInZawgyiMeetsTheSameTextInUnicode() {
		// The opening of the Universal Declaration of Human Rights, in Zawgyi and in Unicode.
		Canonical zawgyi = organisation("အျပည္ျပည္ဆိုင္ရာ လူ႔အခြင့္အေရး ေၾကညာစာတမ္း");
		Canonical unicode = organisation("အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း");
		assertThat(zawgyi.canonical()).isEqualTo(unicode.canonical());
		assertThat(zawgyi.details()).containsEntry("myanmarEncoding", "zawgyi");
		assertThat(zawgyi.steps()).contains("converted Myanmar text typed in the Zawgyi encoding to Unicode");
		assertThat(unicode.details()).containsEntry("myanmarEncoding", "unicode");
	}

	@Test
	void aShortMyanmarAliasInZawgyiIsConverted() {
		assertThat(alias("ကိုေအာင္").canonical()).isEqualTo("ကိုအောင်");
	}

	@Test
	void thaiAndKhmerNamesPassUnchanged() {
		assertThat(alias("สมชาย ใจดี").canonical()).isEqualTo("สมชาย ใจดี");
		assertThat(alias("សុខ ដារ៉ា").canonical()).isEqualTo("សុខ ដារ៉ា");
	}

	@Test
	void namesAreWeak() {
		assertThat(IndicatorType.ORGANISATION_NAME.weak()).isTrue();
		assertThat(alias("Boss Lee").type()).isEqualTo(IndicatorType.PERSON_ALIAS);
		assertThat(alias("Boss Lee").details()).containsKey("strength");
	}

	private Canonical organisation(String value) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.ORGANISATION_NAME, value, null, null, null));
	}

	private Canonical alias(String value) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.PERSON_ALIAS, value, null, null, null));
	}
}
