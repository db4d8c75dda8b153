package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

import tools.jackson.databind.JsonNode;

/**
 * A consular officer in Thailand screens a Timorese national who consents to telling Timor-Leste, and notifies: each
 * Timorese focal-point organisation reads the notice (determination, measures, coded profile, who to contact) and
 * acknowledges it; nobody else sees it, and no name or document number ever leaves the screening organisation.
 */
@TipxIntegrationTest
class NoticesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	String screener;

	String screeningOrganisation;

	@BeforeEach
	void officer() {
		fixtures = new Fixtures(new Api(port));
		screeningOrganisation = fixtures.organisation("CONSULATE", "TH");
		screener = fixtures.tokenFor(fixtures.account(screeningOrganisation, "SCREENER"));
	}

	@Test
	void theFocalPointsOfTheCountryOfNationalityReadAndAcknowledgeTheNoticeWithoutPersonalData() {
		String dili = fixtures.organisation("GOVERNMENT", "TL");
		String diliFocal = fixtures.account(dili, "FOCAL_POINT");
		String ministry = fixtures.organisation("GOVERNMENT", "TL");
		String ministryFocal = fixtures.account(ministry, "FOCAL_POINT");
		String phnomPenhFocal = fixtures.account(fixtures.organisation("GOVERNMENT", "KH"), "FOCAL_POINT");

		String id = screen("TL", "A3", "yes", "C1", "yes", "E1", "yes", "I3", "yes", "full_name", "Maria da Costa",
				"document_number", "TL998877", "country_held", "KH");
		Reply notified = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/notify-country", null);
		assertThat(notified.status()).as(notified.body()).isEqualTo(200);

		Reply received = fixtures.api.get(fixtures.tokenFor(diliFocal), "/api/v1/screenings/notices");
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		JsonNode notice = find(received.json(), id);
		assertThat(notice).as("the notice reaches Dili").isNotNull();
		assertThat(notice.get("outcome").asString()).isEqualTo("PRESUMED_VICTIM");
		assertThat(notice.get("forcedCriminality").asBoolean()).isTrue();
		assertThat(notice.get("nonPunishment").asBoolean()).isTrue();
		assertThat(notice.get("measures").valueStream().map(JsonNode::asString)).contains("WAIVE_OVERSTAY_FINES");
		assertThat(notice.get("profile").get("country_held").asString()).isEqualTo("KH");
		assertThat(notice.get("acknowledgedAt").isNull()).isTrue();
		assertThat(received.body()).doesNotContain("Maria da Costa").doesNotContain("TL998877");
		assertThat(find(fixtures.api.get(fixtures.tokenFor(ministryFocal), "/api/v1/screenings/notices").json(), id))
				.as("every focal-point organisation of Timor-Leste has its own copy").isNotNull();
		assertThat(find(fixtures.api.get(fixtures.tokenFor(phnomPenhFocal), "/api/v1/screenings/notices").json(), id))
				.as("Cambodia is where the person was held, not their country").isNull();
		assertThat(fixtures.api.get(screener, "/api/v1/screenings/notices").status()).isEqualTo(403);

		Visitor focalPoint = Visitor.loggedIn(port, diliFocal, Fixtures.PASSWORD);
		Page inbox = focalPoint.get("/screenings/notices");
		assertThat(inbox.status()).isEqualTo(200);
		Element card = inbox.html().selectFirst("article[data-screening=" + id + "]");
		assertThat(card).isNotNull();
		assertThat(card.text()).contains("Presumed victim").contains("Waive overstay fines").contains("Cambodia")
				.contains("Acknowledge");
		assertThat(inbox.body()).doesNotContain("Maria da Costa").doesNotContain("TL998877");
		assertThat(focalPoint.get("/").html().select("nav.navigation a").eachAttr("href"))
				.contains("/screenings/notices");

		Page after = focalPoint.follow(focalPoint.submit("/screenings/notices/" + notice.get("id").asString()
				+ "/acknowledge"));
		assertThat(after.status()).isEqualTo(200);
		Element acknowledged = after.html().selectFirst("article[data-screening=" + id + "]");
		assertThat(acknowledged.hasClass("notice--acknowledged")).isTrue();
		assertThat(acknowledged.text()).contains("Acknowledged by " + diliFocal);
		assertThat(acknowledged.select("form")).isEmpty();
		assertThat(find(fixtures.api.get(fixtures.tokenFor(ministryFocal), "/api/v1/screenings/notices").json(), id)
				.get("acknowledgedAt").isNull()).as("each organisation acknowledges its own copy").isTrue();

		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE object_id = ? ORDER BY seq")
				.param(notice.get("id").asString()).query(String.class).list()).containsExactly(
						"screening.notice.acknowledge");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'screening.notice.list' AND object_id = ?")
				.param(dili).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aFocalPointCannotAcknowledgeAnotherOrganisationsNotice() {
		String bandarSeriBegawan = fixtures.organisation("GOVERNMENT", "BN");
		fixtures.account(bandarSeriBegawan, "FOCAL_POINT");
		String id = screen("BN", "C1", "yes");
		assertThat(fixtures.api.post(screener, "/api/v1/screenings/" + id + "/notify-country", null).status())
				.isEqualTo(200);
		String noticeId = jdbc.sql("SELECT id::text FROM screening_notice WHERE screening_id = ?::uuid").param(id)
				.query(String.class).list().get(0);

		String stranger = fixtures.tokenFor(fixtures.account(fixtures.organisation("GOVERNMENT", "PH"), "FOCAL_POINT"));
		Reply refused = fixtures.api.post(stranger, "/api/v1/screenings/notices/" + noticeId + "/acknowledge", null);
		assertThat(refused.status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT acknowledged_at IS NULL FROM screening_notice WHERE id = ?::uuid").param(noticeId)
				.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("SELECT outcome FROM audit_entry WHERE object_id = ? AND action = 'screening.notice.acknowledge'")
				.param(noticeId).query(String.class).list()).containsExactly("DENIED");
	}

	private String screen(String nationality, String... pairs) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", nationality, "age_band", "25_34"));
		for (int i = 0; i < pairs.length; i += 2) {
			answers.put(pairs[i], pairs[i + 1]);
		}
		Reply reply = fixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening", "language",
				"en", "answers", answers, "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", true, "research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	private static JsonNode find(JsonNode notices, String screeningId) {
		for (JsonNode n : notices) {
			if (n.get("screeningId").asString().equals(screeningId)) {
				return n;
			}
		}
		return null;
	}
}
