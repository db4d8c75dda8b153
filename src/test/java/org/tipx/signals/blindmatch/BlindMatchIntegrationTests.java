package org.tipx.signals.blindmatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * The blind-match client against the running server (ADR 0033): it finds the values planted in reports the caller
 * may see, not those in reports it may not see, and after a run neither the database (every column of every table,
 * read as text) nor the application's log holds the values that did not match, as typed or in canonical form.
 */
@TipxIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BlindMatchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void theClientFindsThePlantedMatchesTheCallerMaySeeAndNoOthers() throws Exception {
		Api api = new Api(port);
		Fixtures directory = new Fixtures(api);
		String reporter = token(directory, "KH");
		String stranger = token(directory, "TH");
		String caller = token(directory, "ID");
		String phone = "+855 12 " + digits(3) + " " + digits(3);
		String wallet = wallet();
		String hidden = wallet();
		String handle = "golden_jobs_" + digits(8);
		file(api, reporter, "GREEN", Map.of("type", "phone", "value", phone),
				Map.of("type", "crypto_address", "value", wallet), Map.of("type", "url", "value", "https://t.me/" + handle));
		file(api, stranger, "AMBER", Map.of("type", "crypto_address", "value", hidden));
		Path csv = folder.resolve("mine.csv");
		Files.writeString(csv, String.join("\n", "type,value,country",
				"phone,+855 12" + phone.substring(8).replace(" ", "-") + ",ID",
				"crypto_address," + wallet.toUpperCase().replace("0X", "0x"),
				"crypto_address," + hidden,
				"messaging_handle,telegram:@" + handle,
				"email,nobody-" + UUID.randomUUID() + "@example.org"));

		Run run = client(csv, caller);

		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).contains("line 2: phone").contains("line 3: crypto_address").contains("line 5: messaging_handle")
				.doesNotContain("line 4:").doesNotContain("line 6:").contains("3 of 5 values matched.");
		assertThat(run.out()).doesNotContain(hidden);
	}

	@Test
	void afterABlindMatchNeitherTheDatabaseNorTheLogHoldsTheValuesThatDidNotMatch(CapturedOutput output)
			throws Exception {
		Api api = new Api(port);
		Fixtures directory = new Fixtures(api);
		String reporter = token(directory, "KH");
		String caller = token(directory, "ID");
		String wallet = wallet();
		file(api, reporter, "GREEN", Map.of("type", "crypto_address", "value", wallet));
		String local = digits(4) + digits(4);
		String phone = "0812-" + local.substring(0, 4) + "-" + local.substring(4);
		String email = "Quiet.Person-" + digits(6) + "@Example.ORG";
		String handle = "silent_" + digits(9);
		Path csv = folder.resolve("secret.csv");
		Files.writeString(csv, String.join("\n", "phone," + phone + ",ID", "email," + email,
				"messaging_handle,telegram:@" + handle, "crypto_address," + wallet));

		Run run = client(csv, caller);
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).contains("1 of 4 values matched.");

		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("phone as typed", phone);
		secrets.put("phone digits", "812" + local);
		secrets.put("phone canonical", "+62812" + local);
		secrets.put("email as typed", email);
		secrets.put("email canonical", email.toLowerCase());
		secrets.put("handle", handle);
		LoggerFactory.getLogger(BlindMatchIntegrationTests.class).info("log capture {} works", handle.substring(0, 6));
		assertThat(output.getAll()).as("the application's log is what is read").contains("log capture silent works");
		secrets.forEach((what, value) -> assertThat(output.getAll()).as(what + " in the log").doesNotContain(value));
		assertThat(tablesHolding(secrets)).as("tables holding a non-matching value").isEmpty();
	}

	@Test
	void anOrganisationCannotAskAboutMoreKeyedValuesPerHourThanTheLimit() {
		Api api = new Api(port);
		String caller = token(new Fixtures(api), "ID");
		for (int sent = 0; sent < BlindMatching.MAX_VALUES_PER_HOUR; sent += BlindMatching.MAX_VALUES) {
			var reply = api.post(caller, "/api/v1/signals/blind-match", Map.of("hashes", randomKeyed(BlindMatching.MAX_VALUES)));
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.json().get("matches").size()).isZero();
		}
		var refused = api.post(caller, "/api/v1/signals/blind-match", Map.of("hashes", randomKeyed(1)));
		assertThat(refused.status()).isEqualTo(429);
		var malformed = api.post(token(new Fixtures(api), "ID"), "/api/v1/signals/blind-match",
				Map.of("hashes", List.of("+6281234567890")));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("hashes[0]");
		assertThat(malformed.body()).doesNotContain("6281234567890");
	}

	private static List<String> randomKeyed(int count) {
		List<String> keyed = new ArrayList<>(count);
		byte[] bytes = new byte[32];
		for (int i = 0; i < count; i++) {
			ThreadLocalRandom.current().nextBytes(bytes);
			keyed.add(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		}
		return keyed;
	}

	private List<String> tablesHolding(Map<String, String> secrets) {
		List<String> patterns = new ArrayList<>();
		List<String> names = new ArrayList<>();
		secrets.forEach((what, value) -> {
			patterns.add("%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			names.add(what);
		});
		List<String> tables = jdbc.sql("""
				SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
				WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
				ORDER BY 1""").query(String.class).list();
		assertThat(tables).contains("public.signals_value", "public.signals_indicator", "public.audit_entry");
		String[] any = patterns.toArray(String[]::new);
		List<String> found = new ArrayList<>();
		for (String table : tables) {
			// the whole row as text: every column of every type
			List<Integer> hits = jdbc.sql("SELECT i FROM generate_subscripts(?::text[], 1) i"
					+ " WHERE EXISTS (SELECT 1 FROM " + table + " t WHERE t::text ILIKE (?::text[])[i])")
					.params(any, any).query(Integer.class).list();
			hits.forEach(i -> found.add(table + ": " + names.get(i - 1)));
		}
		return found;
	}

	private Run client(Path csv, String token) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = BlindMatchClient.run(new String[] { "--url", "http://localhost:" + port, csv.toString() },
				Map.of("TIPX_TOKEN", token), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static String token(Fixtures directory, String country) {
		String organisation = directory.organisation("LAW_ENFORCEMENT", country);
		return directory.tokenFor(directory.account(organisation, "ANALYST"));
	}

	@SafeVarargs
	private static void file(Api api, String token, String tlp, Map<String, Object>... indicators) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", Fixtures.unique("Planted"));
		body.put("reporterCountry", "KH");
		body.put("observedAt", "2026-10-01T08:00:00Z");
		body.put("category", "SCAM_COMPOUND");
		body.put("tlp", tlp);
		body.put("indicators", List.of(indicators).stream().map(HashMap::new).toList());
		var reply = api.post(token, "/api/v1/signals/reports", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
	}

	private static String digits(int n) {
		StringBuilder s = new StringBuilder();
		s.append((char) ('1' + ThreadLocalRandom.current().nextInt(9)));
		for (int i = 1; i < n; i++) {
			s.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
		}
		return s.toString();
	}

	private static String wallet() {
		StringBuilder hex = new StringBuilder("0x");
		for (int i = 0; i < 40; i++) {
			hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
		}
		return hex.toString();
	}

	private record Run(int status, String out, String err) {
	}
}
