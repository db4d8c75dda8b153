package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;

/**
 * Bulk import through the API: a file of many reports lands whole, or, with any bad row, not at all; a replayed
 * Idempotency-Key creates nothing new; the status resource shows progress to the sending organisation only.
 */
@TipxIntegrationTest
class ImportIntegrationTests {

	static final String HEADER = "report_key,title,category,tlp,reporter_country,observed_at,type,value,platform,chain";

	/** The advisory lock that serialises filing (Correlation.LOCK). */
	private static final long FILING_LOCK = 0x7469_7078_7369_676EL;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	SignalFixtures signals;

	Uploads uploads;

	Analyst phnomPenh;

	Analyst jakarta;

	@BeforeEach
	void twoAgencies() {
		signals = new SignalFixtures(new Api(port));
		uploads = new Uploads(port);
		phnomPenh = signals.analyst("KH");
		jakarta = signals.analyst("ID");
	}

	@Test
	void aCsvFileOfSeveralReportsFilesEachWithItsIndicators() {
		String title = Fixtures.unique("compound");
		String csv = csv(
				row("a", title + " A", "phone", "+855 12 345 678", ""),
				row("b", title + " B", "email", "recruiter@example.com", ""),
				row("a", title + " A", "messaging_handle", "@hr_manager", "telegram"),
				row("c", title + " C", "url", "https://jobs.example.com/apply", ""),
				row("b", title + " B", "domain", "example.com", ""));

		JsonNode done = uploads.imported(phnomPenh.token(), Uploads.CSV, csv);

		assertThat(done.get("rowsRead").asLong()).isEqualTo(5);
		assertThat(done.get("reportsTotal").asLong()).isEqualTo(3);
		assertThat(done.get("reportsFiled").asLong()).isEqualTo(3);
		assertThat(done.get("finishedAt").isNull()).isFalse();
		List<JsonNode> reports = reportsTitled(phnomPenh, title);
		assertThat(reports).extracting(r -> r.get("title").asString())
				.containsExactlyInAnyOrder(title + " A", title + " B", title + " C");
		JsonNode a = reports.stream().filter(r -> r.get("title").asString().endsWith(" A")).findFirst().orElseThrow();
		assertThat(a.get("indicators").valueStream().map(i -> i.get("type").asString()))
				.containsExactly("phone", "messaging_handle");
		assertThat(a.get("indicators").get(1).get("platform").asString()).isEqualTo("telegram");
		assertThat(a.get("reporterCountry").asString()).isEqualTo("KH");
		assertThat(a.get("observedAt").asString()).isEqualTo("2026-10-01T00:00:00Z");
		assertThat(a.get("tlp").asString()).isEqualTo("GREEN");
	}

	@Test
	void aJsonLinesFileImportsLikeCsv() {
		String title = Fixtures.unique("ndjson");
		String ndjson = """
				{"report_key":"r1","title":"%1$s one","category":"RECRUITMENT_FRAUD","tlp":"AMBER","reporter_country":"id","observed_at":"2026-10-02T08:30:00+07:00","type":"phone","value":"0812 3456 7890","confidence":70,"description":"job ad on a board"}
				{"report_key":"r1","title":"%1$s one","category":"RECRUITMENT_FRAUD","tlp":"AMBER","reporter_country":"id","observed_at":"2026-10-02T08:30:00+07:00","type":"crypto_address","value":"TQ4ZCmnB9z1G8WUJXPdBLnQgeu8KZ1kS7d","chain":"tron","confidence":70,"description":"job ad on a board"}
				{"report_key":"r2","title":"%1$s two","category":"OTHER","tlp":"GREEN","reporter_country":"ID","observed_at":"2026-10-03","type":"domain","value":"lowongan-kerja.example"}
				""".formatted(title);

		JsonNode done = uploads.imported(jakarta.token(), Uploads.NDJSON, ndjson);

		assertThat(done.get("format").asString()).isEqualTo("NDJSON");
		assertThat(done.get("reportsFiled").asLong()).isEqualTo(2);
		JsonNode one = reportsTitled(jakarta, title + " one").get(0);
		assertThat(one.get("reporterCountry").asString()).isEqualTo("ID");
		assertThat(one.get("observedAt").asString()).isEqualTo("2026-10-02T01:30:00Z");
		assertThat(one.get("confidence").asInt()).isEqualTo(70);
		assertThat(one.get("description").asString()).isEqualTo("job ad on a board");
		assertThat(one.get("indicators").get(1).get("chain").asString()).isEqualTo("tron");
	}

	@Test
	void structurallyBadRowsRejectTheWholeFileNamingEveryOne() {
		String title = Fixtures.unique("rejected");
		String csv = csv(
				row("a", title, "phone", "+85512345678", ""),
				row("a", title, "fax", "+85512345679", ""),
				row("b", title, "email", "x@example.com", ""),
				"b," + title + ",SCAM_COMPOUND,PURPLE,KH,2026-10-01,email,y@example.com,,",
				row("", title, "phone", "+85512345670", ""),
				row("c", title, "domain", "example.org", ""));

		var upload = uploads.send(phnomPenh.token(), Uploads.CSV, csv, null);

		assertThat(upload.status()).as(upload.body()).isEqualTo(400);
		assertThat(upload.isProblem()).isTrue();
		JsonNode problem = upload.json();
		assertThat(problem.get("title").asString()).isEqualTo("Import rejected");
		assertThat(problem.get("errorsTotal").asLong()).isEqualTo(3);
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
				.containsExactly("rows[3].type", "rows[5].tlp", "rows[6].report_key");
		assertThat(problem.get("errors").valueStream().map(e -> e.get("row").asLong())).containsExactly(3L, 5L, 6L);
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("must be one of", "phone");
		assertThat(reportsTitled(phnomPenh, title)).isEmpty();

		JsonNode status = uploads.status(phnomPenh.token(), problem.get("importId").asString());
		assertThat(status.get("state").asString()).isEqualTo("REJECTED");
		assertThat(status.get("rowsRead").asLong()).isEqualTo(6);
		assertThat(status.get("errors").size()).isEqualTo(3);
	}

	@Test
	void rowsOfOneReportMustAgreeOnTheReportColumns() {
		String title = Fixtures.unique("disagree");
		String csv = csv(
				row("a", title, "phone", "+85512345678", ""),
				row("b", title, "phone", "+85512345679", ""),
				row("a", title + " (typo)", "email", "a@example.com", ""),
				"a," + title + ",SCAM_COMPOUND,RED,KH,2026-10-01,domain,example.com,,");

		var upload = uploads.send(phnomPenh.token(), Uploads.CSV, csv, null);

		assertThat(upload.status()).as(upload.body()).isEqualTo(400);
		var errors = upload.json().get("errors");
		assertThat(errors.valueStream().map(e -> e.get("field").asString()))
				.containsExactly("rows[4].title", "rows[5].tlp");
		assertThat(errors.get(0).get("message").asString()).contains("differs from row 2", "'a'");
		assertThat(reportsTitled(phnomPenh, title)).isEmpty();
	}

	@Test
	void aValueThatDoesNotParseIsImportedAsInvalidAsInTheApi() {
		String title = Fixtures.unique("invalid-value");
		JsonNode done = uploads.imported(phnomPenh.token(), Uploads.CSV, csv(
				row("a", title, "phone", "call me on the usual number", ""),
				row("a", title, "crypto_address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", ""),
				row("a", title, "email", "Recruiter@Example.com", "")));

		assertThat(done.get("indicatorsInvalid").asLong()).isEqualTo(2);
		JsonNode indicators = reportsTitled(phnomPenh, title).get(0).get("indicators");
		assertThat(indicators.valueStream().map(i -> i.get("valid").asBoolean())).containsExactly(false, false, true);
		assertThat(indicators.get(0).get("reason").asString()).isNotBlank();
		assertThat(indicators.get(2).get("canonical").asString()).isEqualTo("recruiter@example.com");
	}

	@Test
	void importedReportsLinkWithEachOtherAndWithReportsFiledBefore() {
		String local = "012" + uniqueDigits(6);
		String earlier = signals.file(jakarta, signals.report("GREEN", "ID",
				List.of(SignalFixtures.indicator("phone", "+855 " + local.substring(1)))));
		String title = Fixtures.unique("linked");
		uploads.imported(phnomPenh.token(), Uploads.CSV, csv(
				row("a", title + " A", "phone", local.substring(0, 3) + " " + local.substring(3), ""),
				row("b", title + " B", "phone", "(" + local.substring(0, 3) + ") " + local.substring(3), ""),
				row("c", title + " C", "email", Fixtures.unique("unrelated") + "@example.org", "")));

		List<JsonNode> imported = reportsTitled(phnomPenh, title);
		String a = idTitled(imported, " A");
		String b = idTitled(imported, " B");
		String c = idTitled(imported, " C");
		assertThat(signals.members(phnomPenh, a)).containsExactlyInAnyOrder(earlier, a, b);
		assertThat(signals.members(phnomPenh, c)).containsExactly(c);
	}

	@Test
	void aHandleWhosePlatformCannotBeToldIsABadRow() {
		var upload = uploads.send(phnomPenh.token(), Uploads.CSV, csv(
				row("a", "t", "messaging_handle", "https://t.me/recruiter" + uniqueDigits(4), ""),
				row("a", "t", "messaging_handle", "@recruiter" + uniqueDigits(4), "")), null);
		assertThat(upload.status()).as(upload.body()).isEqualTo(400);
		assertThat(upload.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.containsExactly("rows[3].platform");
	}

	@Test
	void aReplayWithTheSameIdempotencyKeyCreatesNothingNewAndAnswersTheSameImport() {
		String title = Fixtures.unique("replay");
		String csv = csv(row("a", title, "phone", "+85512345678", ""), row("b", title, "email", "b@example.com", ""));
		String key = Fixtures.unique("batch-2026-10");

		var first = uploads.send(phnomPenh.token(), Uploads.CSV, csv, key);
		assertThat(first.status()).as(first.body()).isEqualTo(202);
		String id = first.json().get("id").asString();
		assertThat(first.header("Location")).endsWith("/api/v1/signals/imports/" + id);
		uploads.awaitEnd(phnomPenh.token(), id);

		var replay = uploads.send(phnomPenh.token(), Uploads.CSV, csv, key);
		assertThat(replay.status()).as(replay.body()).isEqualTo(200);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.json().get("id").asString()).isEqualTo(id);
		assertThat(replay.json().get("state").asString()).isEqualTo("DONE");
		assertThat(reportsTitled(phnomPenh, title)).hasSize(2);
		var imports = uploads.get(phnomPenh.token(), "/api/v1/signals/imports").json();
		assertThat(imports.valueStream().filter(i -> key.equals(i.get("idempotencyKey").asString()))).hasSize(1);

		// The key belongs to the organisation: another one may use the same key for its own file.
		var elsewhere = uploads.send(jakarta.token(), Uploads.CSV, csv, key);
		assertThat(elsewhere.status()).isEqualTo(202);
		uploads.awaitEnd(jakarta.token(), elsewhere.json().get("id").asString());
	}

	@Test
	void theSameKeyWithADifferentFileIsAConflict() {
		String title = Fixtures.unique("conflict");
		String key = Fixtures.unique("key");
		var first = uploads.send(phnomPenh.token(), Uploads.CSV, csv(row("a", title, "phone", "+85512345678", "")), key);
		assertThat(first.status()).isEqualTo(202);
		uploads.awaitEnd(phnomPenh.token(), first.json().get("id").asString());

		var other = uploads.send(phnomPenh.token(), Uploads.CSV,
				csv(row("a", title, "phone", "+85512345679", "")), key);

		assertThat(other.status()).as(other.body()).isEqualTo(409);
		assertThat(other.isProblem()).isTrue();
		assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(reportsTitled(phnomPenh, title)).hasSize(1);
	}

	@Test
	void aReplayedRejectedFileAnswersTheSameRejection() {
		String key = Fixtures.unique("key");
		String csv = csv(row("a", "t", "fax", "1", ""));
		var first = uploads.send(phnomPenh.token(), Uploads.CSV, csv, key);
		var replay = uploads.send(phnomPenh.token(), Uploads.CSV, csv, key);
		assertThat(first.status()).isEqualTo(400);
		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.json().get("importId").asString()).isEqualTo(first.json().get("importId").asString());
	}

	@Test
	void theStatusShowsProgressWhileFilingAndOnlyToTheSendingOrganisation() throws Exception {
		String title = Fixtures.unique("progress");
		String csv = csv(row("a", title, "phone", "+85512345678", ""), row("b", title, "phone", "+85512345679", ""),
				row("c", title, "phone", "+85512345670", ""));
		String id;
		try (Connection holder = dataSource.getConnection(); Statement sql = holder.createStatement()) {
			// Hold filing back so the import is caught half-way.
			sql.execute("SELECT pg_advisory_lock(" + FILING_LOCK + ")");
			try {
				var upload = uploads.send(phnomPenh.token(), Uploads.CSV, csv, null);
				assertThat(upload.status()).as(upload.body()).isEqualTo(202);
				id = upload.json().get("id").asString();

				JsonNode status = uploads.status(phnomPenh.token(), id);
				assertThat(status.get("state").asString()).isEqualTo("IMPORTING");
				assertThat(status.get("rowsRead").asLong()).isEqualTo(3);
				assertThat(status.get("reportsTotal").asLong()).isEqualTo(3);
				assertThat(status.get("reportsFiled").asLong()).isZero();
				assertThat(status.get("bytesRead").asLong()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
				assertThat(reportsTitled(phnomPenh, title)).isEmpty();

				assertThat(uploads.get(jakarta.token(), "/api/v1/signals/imports/" + id).status()).isEqualTo(404);
				assertThat(uploads.get(jakarta.token(), "/api/v1/signals/imports").json().valueStream()
						.map(i -> i.get("id").asString())).doesNotContain(id);
			}
			finally {
				sql.execute("SELECT pg_advisory_unlock(" + FILING_LOCK + ")");
			}
		}
		JsonNode done = uploads.awaitEnd(phnomPenh.token(), id);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("reportsFiled").asLong()).isEqualTo(3);
		assertThat(uploads.get(phnomPenh.token(), "/api/v1/signals/imports").json().valueStream()
				.map(i -> i.get("id").asString())).contains(id);
	}

	@Test
	void anImportIsAuditedOnceAndItsFilingNamesItsReports() {
		String title = Fixtures.unique("audited");
		var upload = uploads.send(phnomPenh.token(), Uploads.CSV,
				csv(row("a", title, "phone", "+85512345678", ""), row("b", title, "phone", "+85512345679", "")), null);
		String id = upload.json().get("id").asString();
		uploads.awaitEnd(phnomPenh.token(), id);

		var api = signals.api;
		var imports = api.get(signals.directory.admin, "/api/v1/audit/entries?action=signals.import&limit=1000").json();
		var mine = imports.valueStream().filter(e -> id.equals(e.get("objectId").asString())).toList();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(mine.get(0).get("organisationId").asString()).isEqualTo(phnomPenh.organisationId());
		var filed = api.get(signals.directory.admin, "/api/v1/audit/entries?action=signals.report.file&limit=1000").json();
		// one entry for the whole filing (ADR 0007), naming the import and how many reports it filed
		var filing = filed.valueStream().filter(e -> e.get("detail").asString().endsWith("via import " + id)).toList();
		assertThat(filing).hasSize(1);
		assertThat(filing.get(0).get("objectId").asString()).isEqualTo(id);
		assertThat(filing.get(0).get("detail").asString()).startsWith("reports=2 ");
	}

	@Test
	void fileProblemsAreNamedTheirRowOrHeader() {
		var unknownColumn = uploads.send(phnomPenh.token(), Uploads.CSV, "report_key,title,colour\na,b,c\n", null);
		assertThat(unknownColumn.status()).isEqualTo(400);
		assertThat(unknownColumn.json().get("errors").get(0).get("field").asString()).isEqualTo("header");

		byte[] latin1 = csv(row("a", "ok", "phone", "1", ""), row("a", "Caf\u00e9", "phone", "2", ""))
				.getBytes(StandardCharsets.ISO_8859_1);
		var notUtf8 = uploads.send(phnomPenh.token(), Uploads.CSV, latin1, null);
		assertThat(notUtf8.status()).isEqualTo(400);
		assertThat(notUtf8.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.contains("rows[3]");

		var empty = uploads.send(phnomPenh.token(), Uploads.CSV, HEADER + "\n", null);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").get(0).get("message").asString()).isEqualTo("has no rows");

		var brokenLine = uploads.send(phnomPenh.token(), Uploads.NDJSON, "{\"report_key\":\"a\"\n", null);
		assertThat(brokenLine.status()).isEqualTo(400);
		assertThat(brokenLine.json().get("errors").get(0).get("field").asString()).isEqualTo("rows[1]");
	}

	@Test
	void aLastLineWithoutALineBreakIsImportedLikeAnyOther() {
		String title = Fixtures.unique("no-eol");
		String csv = HEADER + "\n" + row("a", title + " csv", "domain", "no-eol-" + uniqueDigits(6) + ".example", "");
		JsonNode fromCsv = uploads.imported(phnomPenh.token(), Uploads.CSV, csv);
		assertThat(fromCsv.get("reportsFiled").asLong()).isEqualTo(1);

		String ndjson = "{\"report_key\":\"r1\",\"title\":\"" + title + " ndjson\",\"category\":\"OTHER\","
				+ "\"tlp\":\"GREEN\",\"reporter_country\":\"KH\",\"observed_at\":\"2026-10-03\",\"type\":\"domain\","
				+ "\"value\":\"no-eol-" + uniqueDigits(6) + ".example\"}";
		JsonNode fromJsonLines = uploads.imported(phnomPenh.token(), Uploads.NDJSON, ndjson);
		assertThat(fromJsonLines.get("reportsFiled").asLong()).isEqualTo(1);

		assertThat(reportsTitled(phnomPenh, title)).extracting(r -> r.get("title").asString())
				.containsExactlyInAnyOrder(title + " csv", title + " ndjson");
	}

	@Test
	void anObservationDateOutsideTheSensibleRangeIsABadRowNamingItsField() {
		String title = Fixtures.unique("dates");
		String csv = csv(
				row("a", title, "phone", "+85512345678", "").replace("2026-10-01", "0000-01-01"),
				row("b", title, "phone", "+85512345679", "").replace("2026-10-01", "1989-12-31"),
				row("c", title, "phone", "+85512345670", "").replace("2026-10-01", "2999-01-01"),
				row("d", title, "phone", "+85512345671", "").replace("2026-10-01", "1990-01-01"));

		var upload = uploads.send(phnomPenh.token(), Uploads.CSV, csv, null);

		assertThat(upload.status()).as(upload.body()).isEqualTo(400);
		assertThat(upload.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.containsExactly("rows[2].observed_at", "rows[3].observed_at", "rows[4].observed_at");
		assertThat(upload.json().get("errors").get(0).get("message").asString()).contains("1990-01-01");

		String ndjson = "{\"report_key\":\"r1\",\"title\":\"" + title + "\",\"category\":\"OTHER\",\"tlp\":\"GREEN\","
				+ "\"reporter_country\":\"KH\",\"observed_at\":\"0000-06-01T00:00:00Z\",\"type\":\"domain\","
				+ "\"value\":\"dates.example\"}\n";
		var fromJsonLines = uploads.send(phnomPenh.token(), Uploads.NDJSON, ndjson, null);
		assertThat(fromJsonLines.status()).as(fromJsonLines.body()).isEqualTo(400);
		assertThat(fromJsonLines.json().get("errors").get(0).get("field").asString()).isEqualTo("rows[1].observed_at");
		assertThat(reportsTitled(phnomPenh, title)).isEmpty();
	}

	@Test
	void theReportApiRefusesAnObservationBefore1990NamingTheField() {
		String title = Fixtures.unique("api-dates");
		for (String when : List.of("0000-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "-0001-01-01T00:00:00Z")) {
			var body = SignalFixtures.report("GREEN", "KH", List.of(SignalFixtures.indicator("domain", "x.example")));
			body.put("title", title);
			body.put("observedAt", when);
			var reply = signals.api.post(phnomPenh.token(), "/api/v1/signals/reports", body);
			assertThat(reply.status()).as(when + " " + reply.body()).isEqualTo(400);
			assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("observedAt");
		}
		assertThat(reportsTitled(phnomPenh, title)).isEmpty();
	}

	@Test
	void onlyCsvAndJsonLinesInUtf8AreAccepted() {
		assertThat(uploads.send(phnomPenh.token(), "application/json", "[]", null).status()).isEqualTo(415);
		var latin1 = uploads.send(phnomPenh.token(), "text/csv; charset=ISO-8859-1", HEADER + "\n", null);
		assertThat(latin1.status()).isEqualTo(415);
		assertThat(latin1.isProblem()).isTrue();
		assertThat(uploads.send(phnomPenh.token(), "text/csv; charset=utf-8", "report_key\n", null).status())
				.isEqualTo(400);
	}

	@Test
	void aBadIdempotencyKeyIsRefused() {
		var upload = uploads.send(phnomPenh.token(), Uploads.CSV, HEADER + "\n", "x".repeat(201));
		assertThat(upload.status()).isEqualTo(400);
		assertThat(upload.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
	}

	@Test
	void onlyThoseWhoMayFileReportsMayImport() {
		String org = signals.directory.organisation("CIVIL_SOCIETY", "TH");
		String caseWorker = signals.directory.tokenFor(signals.directory.account(org, "CASE_WORKER"));
		assertThat(uploads.send(caseWorker, Uploads.CSV, csv(row("a", "t", "phone", "1", "")), null).status())
				.isEqualTo(403);
	}

	private List<JsonNode> reportsTitled(Analyst analyst, String title) {
		var reply = signals.api.get(analyst.token(), "/api/v1/signals/reports?q="
				+ URLEncoder.encode(title, StandardCharsets.UTF_8) + "&limit=500");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		reply.json().forEach(found::add);
		return found;
	}

	private static String idTitled(List<JsonNode> reports, String suffix) {
		return reports.stream().filter(r -> r.get("title").asString().endsWith(suffix)).findFirst().orElseThrow()
				.get("id").asString();
	}

	private static String uniqueDigits(int length) {
		StringBuilder digits = new StringBuilder();
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		digits.append(1 + random.nextInt(9));
		while (digits.length() < length) {
			digits.append(random.nextInt(10));
		}
		return digits.toString();
	}

	static String csv(String... rows) {
		return HEADER + "\n" + String.join("\n", rows) + "\n";
	}

	static String row(String key, String title, String type, String value, String platform) {
		return String.join(",", key, "\"" + title + "\"", "SCAM_COMPOUND", "GREEN", "KH", "2026-10-01", type,
				"\"" + value + "\"", platform, "");
	}
}
