package org.tipx.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.protection.FieldCipher;

import tools.jackson.databind.JsonNode;

/**
 * A relative of an Indonesian held in a Cambodian compound reports on the public page, without an account: the
 * report reaches the focal points of Indonesia and (with the person's agreement) of Cambodia, sealed at rest; the
 * relative sees only whether someone acknowledged it; floods, bots and replays are refused.
 */
@TipxIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PublicReportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	Fixtures fixtures;

	String marker;

	Reporter reporter;

	@BeforeEach
	void page() {
		fixtures = new Fixtures(new Api(port));
		marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		reporter = new Reporter(port, Reporter.freshNetwork() + "7");
	}

	@Test
	void aReportWithConsentReachesTheFocalPointsOfBothCountriesAndNobodyElse() {
		String jakarta = focalPoint("GOVERNMENT", "ID");
		String consulate = focalPoint("CONSULATE", "ID");
		String phnomPenh = focalPoint("LAW_ENFORCEMENT", "KH");
		String bangkok = focalPoint("GOVERNMENT", "TH");

		Reporter.Page sent = reporter.file(Reporter.report("ID", "KH", "yes", marker));

		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(sent.reference()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]");
		JsonNode intake = received(jakarta, sent.reference());
		assertThat(intake).as("Indonesia, the country of nationality, is told").isNotNull();
		assertThat(intake.get("details").get("whatHappened").asString()).contains(marker + "-story");
		assertThat(intake.get("details").get("doNotCall").asBoolean()).isTrue();
		assertThat(intake.get("nationality").asString()).isEqualTo("ID");
		assertThat(intake.get("countryHeld").asString()).isEqualTo("KH");
		assertThat(intake.get("toldAs").asString()).isEqualTo("ID");
		assertThat(received(consulate, sent.reference())).as("every Indonesian focal point").isNotNull();
		JsonNode cambodia = received(phnomPenh, sent.reference());
		assertThat(cambodia).as("Cambodia, where the person is held, is told too").isNotNull();
		assertThat(cambodia.get("toldAs").asString()).isEqualTo("KH");
		assertThat(received(bangkok, sent.reference())).as("Thailand has nothing to do with it").isNull();
	}

	@Test
	void withoutConsentOnlyTheCountryOfNationalityIsTold() {
		String jakarta = focalPoint("GOVERNMENT", "ID");
		String phnomPenh = focalPoint("LAW_ENFORCEMENT", "KH");

		Reporter.Page sent = reporter.file(Reporter.report("ID", "KH", "no", marker));

		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(received(jakarta, sent.reference())).isNotNull();
		assertThat(received(jakarta, sent.reference()).get("shareWithBoth").asBoolean()).isFalse();
		assertThat(received(phnomPenh, sent.reference())).as("the person did not agree to telling Cambodia").isNull();
	}

	@Test
	void theStatusPageShowsOnlyWhetherAFocalPointAcknowledged() {
		String jakarta = focalPoint("GOVERNMENT", "ID");
		focalPoint("LAW_ENFORCEMENT", "KH");
		String reference = reporter.file(Reporter.report("ID", "KH", "yes", marker)).reference();

		Reporter.Page before = reporter.status(reference);
		assertThat(before.html().selectFirst("#status").attr("data-status")).isEqualTo("RECEIVED");

		JsonNode intake = received(jakarta, reference);
		var acknowledged = fixtures.api.post(fixtures.tokenFor(jakarta),
				"/api/v1/intakes/" + intake.get("id").asString() + "/acknowledge", null);
		assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(204);

		Reporter.Page after = reporter.status(reference.toLowerCase().replace("-", " "));
		assertThat(after.html().selectFirst("#status").attr("data-status")).isEqualTo("ACKNOWLEDGED");
		assertThat(after.text("#status")).isEqualTo("Acknowledged by at least one official.");
		String main = after.html().selectFirst("main").text();
		assertThat(main).doesNotContain(marker).doesNotContain(jakarta).doesNotContain("Indonesia")
				.doesNotContain("Cambodia").doesNotContain(reference);
	}

	@Test
	void anUnknownReferenceGetsTheSameAnswerAsAMistypedOne() {
		focalPoint("GOVERNMENT", "ID");
		String reference = reporter.file(Reporter.report("ID", "KH", "yes", marker)).reference();
		String body = reference.replace("-", "");
		char wrong = body.charAt(0) == 'A' ? 'B' : 'A';
		String mistyped = wrong + body.substring(1);
		String unknown = unknownReference();

		String[] answers = { main(reporter.status(mistyped)), main(reporter.status(unknown)),
				main(reporter.status("not a reference")) };

		assertThat(answers[0]).contains("No report with this reference is known");
		assertThat(answers[1]).isEqualTo(answers[0]);
		assertThat(answers[2]).isEqualTo(answers[0]);
	}

	@Test
	void oneAddressFilesAtMostItsHourlyShareAndThenGetsA429() {
		focalPoint("GOVERNMENT", "ID");
		for (int i = 0; i < 3; i++) {
			assertThat(reporter.file(Reporter.report("ID", "KH", "yes", marker)).status()).isEqualTo(200);
		}

		Reporter.Page refused = reporter.file(Reporter.report("ID", "KH", "yes", marker));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.text("#limited")).contains("Too many reports");
		assertThat(Long.parseLong(refused.retryAfter())).isPositive();
		assertThat(stored()).as("the refused report is not stored").isEqualTo(3);
		assertThat(new Reporter(port, Reporter.freshNetwork() + "7").file(Reporter.report("ID", "KH", "yes", marker))
				.status()).as("another network is not held back").isEqualTo(200);
	}

	@Test
	void oneNetworkFilesAtMostItsHourlyShareWhateverTheAddress() {
		String network = Reporter.freshNetwork();
		for (int address = 1; address <= 6; address++) {
			Reporter.Page sent = new Reporter(port, network + address).file(Reporter.report("ID", "KH", "no", marker));
			assertThat(sent.status()).as("address " + address).isEqualTo(200);
		}

		Reporter.Page refused = new Reporter(port, network + "99").file(Reporter.report("ID", "KH", "no", marker));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(stored()).isEqualTo(6);
	}

	@Test
	void aReportWithoutAValidProofOfWorkIsRefusedAndNotStored() {
		Map<String, String> report = Reporter.report("ID", "KH", "yes", marker);
		Reporter.Page form = reporter.form("en");
		String challenge = form.html().selectFirst("input[name=challenge]").attr("value");

		Reporter.Page missing = reporter.send(form, report, challenge, "");
		Reporter.Page wrong = reporter.send(form, report, challenge, wrongSolution(challenge));
		String[] parts = challenge.split("\\.");
		String easier = String.join(".", parts[0], parts[1], parts[2], "1", parts[4]);
		Reporter.Page forged = reporter.send(form, report, easier, ProofOfWork.solve(easier));
		Reporter.Page none = reporter.send(form, report, "", "1");

		for (Reporter.Page refused : new Reporter.Page[] { missing, wrong, forged, none }) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.text("#problem")).contains("did not finish");
			assertThat(refused.html().selectFirst("#whatHappened").text()).as("the text is kept for another try")
					.contains(marker);
		}
		assertThat(stored()).isZero();
	}

	@Test
	void aSolvedChallengeIsAcceptedOnce() {
		Map<String, String> report = Reporter.report("ID", "KH", "yes", marker);
		Reporter.Page form = reporter.form("en");
		String challenge = form.html().selectFirst("input[name=challenge]").attr("value");
		String solution = ProofOfWork.solve(challenge);
		assertThat(reporter.send(form, report, challenge, solution).status()).isEqualTo(200);

		Reporter.Page replayed = reporter.send(form, report, challenge, solution);

		assertThat(replayed.status()).isEqualTo(400);
		assertThat(replayed.text("#problem")).contains("already sent");
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void theReportersWordsAreSealedAtRestAndNeverInTheInboxTheAuditTrailOrTheLog(CapturedOutput output) {
		focalPoint("GOVERNMENT", "ID");
		focalPoint("LAW_ENFORCEMENT", "KH");
		assertThat(reporter.file(Reporter.report("ID", "KH", "yes", marker)).status()).isEqualTo(200);
		Map<String, String> broken = Reporter.report("ID", "KH", "yes", marker);
		broken.put("whatHappened", marker + "-control \u0007 bell");
		Reporter.Page refused = reporter.file(broken);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).doesNotContain(marker + "-control");
		assertThat(stored()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM cases_intake i WHERE CAST(i AS TEXT) LIKE ?")
				.param("%" + marker + "%").query(Long.class).single()).as("no intake row holds the words").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM sharing_inbox_item WHERE kind = 'cases.intake' AND payload::text LIKE ?")
				.param("%" + marker + "%").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry a WHERE CAST(a AS TEXT) LIKE ?")
				.param("%" + marker + "%").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
				.param("%" + marker + "%").query(Long.class).single()).isZero();
		assertThat(output.getAll()).doesNotContain(marker);
	}

	@Test
	void thePageIsLightInEveryLanguageAndLoadsNothingFromElsewhere() throws Exception {
		int script = new ClassPathResource("static/js/report.js").getContentAsByteArray().length;
		for (String language : PublicReport.LANGUAGES) {
			Reporter.Page form = reporter.form(language);
			int bytes = form.body().getBytes(StandardCharsets.UTF_8).length;
			System.out.println("public report page " + language + ": " + bytes + " bytes + script " + script);
			assertThat(form.html().selectFirst("html").attr("lang")).startsWith(language);
			assertThat(bytes + script).as(language).isLessThan(30_000);
			assertThat(form.html().select("script[src], link[href], img[src]")).allMatch(
					element -> element.attr("src").startsWith("/") || element.attr("href").startsWith("/")
							|| element.attr("href").startsWith("data:"));
			assertThat(form.html().select("#draft-note").text()).as(language).isEqualTo("en".equals(language) ? ""
					: form.html().select("#draft-note span").first().text()
							+ " Draft translation awaiting review by a native speaker.");
		}
	}

	/** Creates an organisation with a focal point; answers the focal point's username. */
	private String focalPoint(String type, String country) {
		return fixtures.account(fixtures.organisation(type, country), "FOCAL_POINT");
	}

	private JsonNode received(String focalPoint, String reference) {
		var reply = fixtures.api.get(fixtures.tokenFor(focalPoint), "/api/v1/intakes");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		for (JsonNode intake : reply.json()) {
			if (intake.get("reference").asString().equals(reference)) {
				return intake;
			}
		}
		return null;
	}

	/** How many intakes this test filed: those whose opened words carry its marker. */
	private long stored() {
		return filedWith(marker);
	}

	private long filedWith(String text) {
		return jdbc.sql("SELECT details, id FROM cases_intake WHERE created_at > now() - interval '10 minutes'")
				.query((rs, n) -> cipher.open(rs.getString("details"), Intakes.DETAILS.context(rs.getObject("id"))))
				.list().stream().filter(details -> details.contains(text)).count();
	}

	private String unknownReference() {
		for (;;) {
			Reference candidate = Reference.random();
			if (jdbc.sql("SELECT count(*) FROM cases_intake WHERE reference = ?").param(candidate.value())
					.query(Long.class).single() == 0) {
				return candidate.display();
			}
		}
	}

	private static String wrongSolution(String challenge) {
		int bits = Integer.parseInt(challenge.split("\\.")[3]);
		for (long n = 0;; n++) {
			if (!ProofOfWork.solved(challenge, Long.toString(n), bits)) {
				return Long.toString(n);
			}
		}
	}

	private static String main(Reporter.Page page) {
		return page.html().selectFirst("main").html().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}
}
