package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.platform.storage.EmbeddedCluster;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12: what identifies a person, and what people write about them, is never in the clear at rest, in the logs or
 * in an error. The test writes every kind of it with distinctive values (a screening's answers, a case's personal
 * fields, consent notes, referral notes, decline and revoke reasons, a supervisor's consent override, a break-glass
 * reason), provokes errors around them, and then looks for those values in every row of every table, in the
 * database's files on disk, in the application's log and in every problem detail it was answered with.
 */
@TipxIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAtRestIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectProvider<EmbeddedCluster> cluster;

	Fixtures fixtures;

	/** Every answer the application gave during the test. */
	final List<Reply> replies = new ArrayList<>();

	/** Each value written, by what it is; unique to this run so no other test's data can match. */
	final Map<String, String> markers = new LinkedHashMap<>();

	String run;

	@BeforeEach
	void markers() {
		run = UUID.randomUUID().toString().substring(0, 6);
		markers.put("screening full_name", "Screena Hollowmere " + run);
		markers.put("screening document_number", "SCRDOC" + run.toUpperCase() + "77");
		markers.put("screening contact", "+66 81 " + run + " screening");
		markers.put("fullName", "Restina Vellacourt " + run);
		markers.put("otherNames", "Resti Velakor " + run);
		markers.put("dateOfBirth", String.format("1929-11-%02d", 10 + Math.floorMod(run.hashCode(), 18)));
		markers.put("documents", "Passport RV" + run + "2291 issued by MM");
		markers.put("contacts", "+95 9 " + run + " safe after six");
		markers.put("addresses", "Room 4 Cardamom Wharf " + run + ", Mae Sot");
		markers.put("familyContact", "Uncle Bartomeo " + run + ", the tea shop");
		markers.put("ownAccounts", "facebook.com/restina." + run);
		markers.put("updated fullName", "Corrected Vellacourt-Nandar " + run);
		markers.put("consent note", "She asked that her mother " + run + " is never called");
		markers.put("referral note", "Arrives with her cousin " + run + " on the night bus");
		markers.put("decline reason", "Our only bed is taken by " + run);
		markers.put("revoke reason", "Wrong office: ask for Daw " + run);
		markers.put("consent override", "The girl " + run + " is 15 and at risk tonight");
		markers.put("break-glass reason", "Collapsed at the gate, says her name is " + run);
		markers.put("rejected note", "This note must not echo " + run);
	}

	@Test
	void noPersonalFieldOrFreeTextIsStoredLoggedOrEchoedInTheClear(CapturedOutput output) throws Exception {
		fixtures = new Fixtures(new Api(port));
		String owner = fixtures.organisation("CIVIL_SOCIETY", "TH");
		String screener = fixtures.tokenFor(fixtures.account(owner, "SCREENER"));
		String worker = fixtures.tokenFor(fixtures.account(owner, "CASE_WORKER"));
		String supervisor = fixtures.tokenFor(fixtures.account(owner, "ORG_ADMIN"));
		String shelter = fixtures.organisation("CIVIL_SOCIETY", "ID");
		String shelterWorker = fixtures.tokenFor(fixtures.account(shelter, "CASE_WORKER"));
		String border = fixtures.organisation("BORDER_IMMIGRATION", "KH");
		String borderWorker = fixtures.tokenFor(fixtures.account(border, "CASE_WORKER"));
		String stranger = fixtures.tokenFor(fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "TH"),
				"CASE_WORKER"));

		// a screening with personal answers opens a case
		Reply screened = call(fixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening",
				"language", "en", "answers", Map.of("nationality", "MM", "age_band", "18_24", "A3", "yes", "C1", "yes",
						"E1", "yes", "I3", "yes", "full_name", marker("screening full_name"), "document_number",
						marker("screening document_number"), "contact", marker("screening contact")),
				"consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", false,
						"research", false))));
		assertThat(screened.status()).as(screened.body()).isEqualTo(201);
		String screeningId = screened.json().get("id").asString();
		String fromScreening = await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode items = fixtures.api.get(worker, "/api/v1/cases?screeningId=" + screeningId).json().get("items");
			return items.isEmpty() ? null : items.get(0).get("id").asString();
		}, id -> id != null);
		assertThat(call(fixtures.api.put(worker, "/api/v1/cases/" + fromScreening, Map.of("traffickingStatus",
				"PRESUMED", "nationality", "MM", "personal", Map.of("fullName", marker("updated fullName"))))).status())
				.isEqualTo(200);

		// a case opened by hand with every personal field and a consent note
		Map<String, Object> personal = new LinkedHashMap<>();
		for (String field : List.of("fullName", "otherNames", "dateOfBirth", "documents", "contacts", "addresses",
				"familyContact", "ownAccounts")) {
			personal.put(field, marker(field));
		}
		Reply opened = call(fixtures.api.post(worker, "/api/v1/cases", Map.of("traffickingStatus", "PRESUMED",
				"nationality", "MM", "personal", personal, "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", false, "research", true, "explainedIn", "my", "note",
						marker("consent note")))));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String caseId = opened.json().get("id").asString();
		assertThat(opened.json().get("personal").get("familyContact").asString()).isEqualTo(marker("familyContact"));

		// referrals: accepted with a note, declined with a reason, revoked with a reason
		String accepted = refer(worker, caseId, shelter, marker("referral note"));
		assertThat(call(fixtures.api.post(shelterWorker, "/api/v1/referrals/" + accepted + "/accept", null)).status())
				.isEqualTo(200);
		assertThat(call(fixtures.api.get(shelterWorker, "/api/v1/cases/" + caseId)).json().get("personal")
				.get("fullName").asString()).isEqualTo(marker("fullName"));
		String declined = refer(worker, fromScreening, shelter, marker("referral note"));
		assertThat(call(fixtures.api.post(shelterWorker, "/api/v1/referrals/" + declined + "/decline",
				Map.of("reason", marker("decline reason")))).status()).isEqualTo(200);
		String revoked = refer(worker, fromScreening, shelter, null);
		assertThat(call(fixtures.api.post(worker, "/api/v1/referrals/" + revoked + "/revoke",
				Map.of("reason", marker("revoke reason")))).status()).isEqualTo(200);

		// consent to referral withdrawn with a note; a supervisor overrides it in writing
		assertThat(call(fixtures.api.put(worker, "/api/v1/cases/" + caseId + "/consent", Map.of("assistance", true,
				"referral", false, "shareWithCountryOfNationality", false, "research", true, "explainedIn", "my",
				"note", marker("consent note")))).status()).isEqualTo(200);
		Reply overridden = call(fixtures.api.post(supervisor, "/api/v1/cases/" + caseId + "/referrals",
				Map.of("toOrganisationId", border, "services", List.of("CHILD_PROTECTION"), "sharePersonal", false,
						"consentOverride", marker("consent override"))));
		assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);

		// break-glass with a reason
		assertThat(call(fixtures.api.post(borderWorker, "/api/v1/cases/" + fromScreening + "/break-glass",
				Map.of("reason", marker("break-glass reason")))).status()).isEqualTo(201);

		// searching by name finds the case for its owner
		String word = marker("fullName").split(" ")[1];
		assertThat(call(fixtures.api.get(worker, "/api/v1/cases?q=" + word)).json().get("items").toString())
				.contains(caseId);

		// errors around personal values: none of them may come back
		Map<String, Object> badBirth = new LinkedHashMap<>(personal);
		badBirth.put("dateOfBirth", "1850-01-01");
		Reply tooOld = call(fixtures.api.post(worker, "/api/v1/cases", Map.of("nationality", "MM", "personal",
				badBirth)));
		assertThat(tooOld.status()).isEqualTo(400);
		assertThat(tooOld.json().get("errors").get(0).get("field").asString()).isEqualTo("personal.dateOfBirth");
		Map<String, Object> unreadableBirth = new LinkedHashMap<>(personal);
		unreadableBirth.put("dateOfBirth", "29 November, the year of the flood");
		Reply unreadable = call(fixtures.api.post(worker, "/api/v1/cases", Map.of("nationality", "MM", "personal",
				unreadableBirth)));
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.isProblem()).isTrue();
		Reply badCode = call(fixtures.api.post(worker, "/api/v1/cases", Map.of("nationality", "Myanmar", "personal",
				personal)));
		assertThat(badCode.status()).isEqualTo(400);
		Reply badReferral = call(fixtures.api.post(worker, "/api/v1/cases/" + fromScreening + "/referrals",
				Map.of("toOrganisationId", shelter, "services", List.of("A_BED"), "sharePersonal", true, "note",
						marker("rejected note"))));
		assertThat(badReferral.status()).isEqualTo(400);
		Reply badConsent = call(fixtures.api.put(worker, "/api/v1/cases/" + caseId + "/consent", Map.of("assistance",
				true, "referral", List.of("FRIENDS"), "shareWithCountryOfNationality", false, "research", true,
				"explainedIn", "Burmese", "note", marker("rejected note"))));
		assertThat(badConsent.status()).isEqualTo(400);
		assertThat(call(fixtures.api.put(worker, "/api/v1/cases/" + caseId, Map.of("nationality", "MM", "personal",
				personal, "consent", Map.of("note", marker("rejected note"))))).status()).isEqualTo(400);
		assertThat(call(fixtures.api.get(stranger, "/api/v1/cases/" + caseId)).status()).isEqualTo(404);
		assertThat(call(fixtures.api.get(stranger, "/api/v1/cases?q=" + word)).json().get("items")).isEmpty();
		assertThat(call(fixtures.api.get(screener, "/api/v1/cases/" + caseId)).status()).isEqualTo(403);
		assertThat(call(fixtures.api.put(shelterWorker, "/api/v1/cases/" + caseId, Map.of("nationality", "MM",
				"personal", personal))).status()).isEqualTo(404);

		// the research export holds codes only
		Reply export = call(fixtures.api.send(supervisor, "GET", "/api/v1/cases/export?format=csv", null, "text/csv"));
		assertThat(export.status()).as(export.body()).isEqualTo(200);
		assertThat(export.body()).contains(caseId);
		assertThat(withMarkers(export.body())).as("markers in the export").isEmpty();

		// the timeline holds codes and ids only
		assertThat(withMarkers(call(fixtures.api.get(worker, "/api/v1/cases/" + caseId + "/timeline")).body()))
				.as("markers in the timeline").isEmpty();
		assertThat(withMarkers(call(fixtures.api.get(worker, "/api/v1/cases/" + fromScreening + "/timeline")).body()))
				.as("markers in the timeline").isEmpty();

		for (Reply reply : replies) {
			if (reply.isProblem() || reply.status() >= 400) {
				assertThat(withMarkers(reply.body())).as("markers in the problem " + reply.body()).isEmpty();
			}
		}
		LoggerFactory.getLogger(PersonalDataAtRestIntegrationTests.class).info("log capture {} works", run);
		assertThat(output.getAll()).as("the application's log is what is read").contains("log capture " + run);
		assertThat(withMarkers(output.getAll())).as("markers in the application's log").isEmpty();
		List<String> inTables = tablesHolding();
		List<String> inFiles = filesHolding();
		assertThat(inTables).as("tables holding a marker in the clear").isEmpty();
		assertThat(inFiles).as("database files holding a marker in the clear").isEmpty();
	}

	private String marker(String what) {
		return markers.get(what);
	}

	private Reply call(Reply reply) {
		replies.add(reply);
		return reply;
	}

	private String refer(String worker, String caseId, String to, String note) {
		Map<String, Object> referral = new LinkedHashMap<>(Map.of("toOrganisationId", to, "services",
				List.of("SHELTER"), "sharePersonal", true));
		if (note != null) {
			referral.put("note", note);
		}
		Reply sent = call(fixtures.api.post(worker, "/api/v1/cases/" + caseId + "/referrals", referral));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		return sent.json().get("id").asString();
	}

	private List<String> withMarkers(String text) {
		String lower = text.toLowerCase();
		return markers.entrySet().stream().filter(m -> lower.contains(m.getValue().toLowerCase()))
				.map(Map.Entry::getKey).toList();
	}

	/**
	 * Every table of every schema but PostgreSQL's own, each row read whole as text (so every column of every type:
	 * text, arrays, jsonb; bytea shows as hex, so the markers' hex is looked for too): the tables and the markers found.
	 */
	private List<String> tablesHolding() {
		List<String> patterns = new ArrayList<>();
		List<String> names = new ArrayList<>();
		markers.forEach((what, value) -> {
			patterns.add("%" + like(value) + "%");
			names.add(what);
			patterns.add("%" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "%");
			names.add(what + " (as bytes)");
		});
		List<String> tables = jdbc.sql("""
				SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
				WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
				ORDER BY 1""").query(String.class).list();
		assertThat(tables).as("the cases module's tables are among those read").contains("public.cases_case",
				"public.cases_consent", "public.cases_referral", "public.cases_break_glass", "public.cases_timeline");
		List<String> found = new ArrayList<>();
		String[] any = patterns.toArray(String[]::new);
		for (String table : tables) {
			// one pass over the table; which markers, only where there is one
			if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " t WHERE t::text ILIKE ANY (?::text[]))")
					.param(any).query(Boolean.class).single()) {
				continue;
			}
			List<Integer> hits = jdbc.sql("SELECT i FROM generate_subscripts(?::text[], 1) i"
					+ " WHERE EXISTS (SELECT 1 FROM " + table + " t WHERE t::text ILIKE (?::text[])[i])")
					.params(any, any).query(Integer.class)
					.list();
			hits.forEach(i -> found.add(table + ": " + names.get(i - 1)));
		}
		return found;
	}

	/**
	 * The cluster's data directory after a checkpoint, byte for byte (tables, indexes, the write-ahead log): the files
	 * holding a marker. Skipped when tipx runs on an external PostgreSQL.
	 */
	private List<String> filesHolding() throws Exception {
		EmbeddedCluster embedded = cluster.getIfAvailable();
		if (embedded == null) {
			return List.of();
		}
		try (Connection owner = embedded.ownerConnection(); Statement sql = owner.createStatement()) {
			sql.execute("CHECKPOINT");
		}
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(embedded.directory())) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				try {
					holding(file).forEach(what -> found.add(embedded.directory().relativize(file) + ": " + what));
				}
				catch (NoSuchFileException gone) {
					// a temporary file PostgreSQL removed while the directory was walked
				}
			}
		}
		return found;
	}

	/**
	 * The markers in one file, read a megabyte at a time (a table's segment may reach a gigabyte), each chunk starting
	 * with the end of the one before so that a marker across two chunks is found too.
	 */
	private List<String> holding(Path file) throws IOException {
		Map<String, String> wanted = new LinkedHashMap<>();
		markers.forEach((what, value) -> wanted.put(what,
				new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
		int overlap = wanted.values().stream().mapToInt(String::length).max().orElse(0);
		List<String> found = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 20];
			String tail = "";
			int read;
			while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
				String chunk = tail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
				wanted.forEach((what, value) -> {
					if (!found.contains(what) && chunk.contains(value)) {
						found.add(what);
					}
				});
				tail = chunk.substring(Math.max(0, chunk.length() - overlap));
			}
		}
		return found;
	}

	private static String like(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
