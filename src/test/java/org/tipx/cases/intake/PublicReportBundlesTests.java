package org.tipx.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The public report page speaks nine languages: the seven beyond English and Bahasa Indonesia each have every text of
 * the page (and only those), none empty, placeholders as in English, each marked a draft at the top of its file.
 */
class PublicReportBundlesTests {

	@Test
	void everyLanguageOfThePublicPageHasEveryTextOfThePage() throws IOException {
		Properties english = bundle("i18n/intake.properties");
		Set<String> page = new TreeSet<>();
		english.stringPropertyNames().stream().filter(k -> k.startsWith("intake.report.")).forEach(page::add);
		assertThat(page).hasSizeGreaterThan(40);

		for (String language : PublicReport.LANGUAGES.subList(2, PublicReport.LANGUAGES.size())) {
			String resource = "i18n/intake_" + language + ".properties";
			Properties bundle = bundle(resource);
			assertThat(bundle.stringPropertyNames()).as(language).containsExactlyInAnyOrderElementsOf(page);
			for (String key : page) {
				assertThat(bundle.getProperty(key)).as(language + " " + key).isNotBlank().doesNotContain("'");
				assertThat(bundle.getProperty(key).contains("{0}")).as(language + " " + key)
						.isEqualTo(english.getProperty(key).contains("{0}"));
			}
			assertThat(bundle.getProperty("intake.report.draft")).as(language)
					.isNotEqualTo(english.getProperty("intake.report.draft"));
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
						.contains("DRAFT — machine-drafted, awaiting review by a native speaker");
			}
		}
	}

	private static Properties bundle(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PublicReportBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
