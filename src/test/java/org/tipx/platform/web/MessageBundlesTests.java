package org.tipx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tipx.directory.OrganisationType;
import org.tipx.directory.Role;

/**
 * The page texts: English and Bahasa Indonesia hold the same keys, none empty; the Indonesian draft says so; every
 * key a template names exists.
 */
class MessageBundlesTests {

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)[}(]");

	/** The bundles of spring.messages.basename: one for the shell and early modules, one per later module. */
	static final List<String> BUNDLES = List.of("i18n/messages", "i18n/cases", "i18n/care", "i18n/federation",
			"i18n/intake", "i18n/desk", "i18n/words", "i18n/letters", "i18n/analysis", "i18n/exchange",
			"i18n/administration", "i18n/subscriptions", "i18n/recruitment", "i18n/moderation", "i18n/flows");

	private final Properties english = bundles("");

	private final Properties indonesian = bundles("_id");

	@Test
	void everyEnglishTextHasAnIndonesianOneAndViceVersa() {
		assertThat(indonesian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@Test
	void noTextIsEmpty() {
		Stream.of(english, indonesian).forEach(bundle -> bundle.stringPropertyNames()
				.forEach(key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank()));
	}

	@Test
	void theIndonesianDraftIsMarkedAsAwaitingReviewByANativeSpeaker() {
		assertThat(indonesian.getProperty("bundle.status")).isEqualTo("draft");
		assertThat(indonesian.getProperty("bundle.review"))
				.contains("DRAFT — machine-drafted, awaiting review by a native speaker");
		assertThat(english.getProperty("bundle.status")).isEqualTo("source");
	}

	@Test
	void theIndonesianTextsAreReadAsUtf8() {
		assertThat(indonesian.getProperty("form.choose")).isEqualTo("Pilih…");
	}

	@Test
	void placeholdersMatchBetweenLanguages() {
		Pattern placeholder = Pattern.compile("\\{\\d}");
		english.stringPropertyNames().forEach(key -> assertThat(placeholders(placeholder, indonesian.getProperty(key)))
				.as(key).isEqualTo(placeholders(placeholder, english.getProperty(key))));
	}

	@Test
	void noTextUsesAStraightApostropheWhichMessageFormatWouldSwallow() {
		Stream.of(english, indonesian).forEach(bundle -> bundle.stringPropertyNames()
				.forEach(key -> assertThat(bundle.getProperty(key)).as(key).doesNotContain("'")));
	}

	@Test
	void everyRoleAndOrganisationTypeHasANameAndASummary() {
		for (Role role : Role.values()) {
			assertThat(english).containsKeys("role." + role.name(), "role." + role.name() + ".summary");
		}
		Arrays.stream(OrganisationType.values())
				.forEach(type -> assertThat(english).containsKey("organisation.type." + type.name()));
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> named = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher keys = LITERAL_KEY.matcher(Files.readString(template));
				while (keys.find()) {
					named.add(keys.group(1));
				}
			}
		}
		assertThat(named).isNotEmpty();
		assertThat(english.stringPropertyNames()).containsAll(named);
	}

	private static Set<String> placeholders(Pattern placeholder, String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = placeholder.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static Properties bundles(String suffix) {
		Properties all = new Properties();
		for (String name : BUNDLES) {
			Properties one = bundle(name + suffix + ".properties");
			one.stringPropertyNames().forEach(key -> {
				assertThat(all.containsKey(key)).as("key " + key + " is in two bundles").isFalse();
				all.setProperty(key, one.getProperty(key));
			});
		}
		return all;
	}

	private static Properties bundle(String resource) {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}
}
