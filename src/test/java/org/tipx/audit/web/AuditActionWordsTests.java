package org.tipx.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every action the code audits under a fixed name has words in both page languages, so the audit page never shows a
 * bare code for it.
 */
class AuditActionWordsTests {

	private static final Pattern RECORDED = Pattern.compile("AuditRecord\\.(?:success|denied)\\(\\s*\"([a-z_.]+[a-z_])\"");

	@Test
	void everyAuditedActionHasWordsInEnglishAndIndonesian() throws IOException {
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher found = RECORDED.matcher(Files.readString(source));
				while (found.find()) {
					actions.add(found.group(1));
				}
			}
		}
		assertThat(actions).contains("login", "account.roles", "organisation.deactivate");
		for (String bundle : new String[] { "administration", "administration_id" }) {
			Properties words = new Properties();
			try (var in = getClass().getClassLoader().getResourceAsStream("i18n/" + bundle + ".properties")) {
				words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			assertThat(actions).as(bundle).allMatch(a -> words.containsKey("administration.audit.action." + a));
		}
	}
}
