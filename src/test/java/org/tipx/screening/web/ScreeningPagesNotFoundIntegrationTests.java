package org.tipx.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * Another organisation's screening, letter or notice, one that does not exist and an id that is not one all answer
 * the 404 page on the screening pages, as the API answers 404 — never a 500 — and nothing changes.
 */
@TipxIntegrationTest
class ScreeningPagesNotFoundIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Fixtures fixtures;

	String otherScreening;

	String otherLetter;

	Visitor officer;

	@BeforeEach
	void twoConsulates() {
		fixtures = new Fixtures(new Api(port));
		String other = fixtures.tokenFor(fixtures.account(fixtures.organisation("CONSULATE", "TH"), "SCREENER"));
		otherScreening = screen(other);
		assertThat(fixtures.api.post(other, "/api/v1/screenings/" + otherScreening + "/confirm", null).status())
				.isEqualTo(200);
		Reply letter = fixtures.api.post(other, "/api/v1/screenings/" + otherScreening + "/letters",
				Map.of("language", "en"));
		assertThat(letter.status()).as(letter.body()).isEqualTo(201);
		otherLetter = letter.json().get("code").asString();
		officer = Visitor.loggedIn(port, fixtures.account(fixtures.organisation("CONSULATE", "TH"), "SCREENER"),
				Fixtures.PASSWORD);
	}

	@Test
	void anotherOrganisationsScreeningAndLetterAreNotFound() {
		assertThat(officer.get("/screenings/" + otherScreening).status()).isEqualTo(404);
		assertThat(officer.get("/screenings/letters/" + otherLetter + ".pdf").status()).isEqualTo(404);
		officer.get("/screenings");
		Page voided = officer.submit("/screenings/" + otherScreening + "/void", "reason", "Not ours to void at all");
		assertThat(voided.status()).isEqualTo(404);
		assertThat(officer.submit("/screenings/" + otherScreening + "/notify").status()).isEqualTo(404);
		assertThat(jdbc.queryForObject("SELECT voided_at IS NULL FROM screening WHERE id = ?::uuid", Boolean.class,
				otherScreening)).isTrue();
	}

	@Test
	void anUnknownOrMalformedScreeningLetterOrDraftIsNotFound() {
		assertThat(officer.get("/screenings/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(officer.get("/screenings/not-a-screening").status()).isEqualTo(404);
		assertThat(officer.get("/screenings/letters/ABCD-EFGH-JKMN.pdf").status()).isEqualTo(404);
		assertThat(officer.get("/screenings/drafts/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(officer.get("/screenings/drafts/not-a-draft").status()).isEqualTo(404);
		officer.get("/screenings");
		assertThat(officer.submit("/screenings/" + UUID.randomUUID() + "/confirm").status()).isEqualTo(404);
		assertThat(officer.submit("/screenings/12/confirm").status()).isEqualTo(404);
	}

	@Test
	void anUnknownOrMalformedNoticeIsNotFound() {
		Visitor focalPoint = Visitor.loggedIn(port,
				fixtures.account(fixtures.organisation("GOVERNMENT", "ID"), "FOCAL_POINT"), Fixtures.PASSWORD);
		focalPoint.get("/screenings/notices");
		assertThat(focalPoint.submit("/screenings/notices/" + UUID.randomUUID() + "/acknowledge").status())
				.isEqualTo(404);
		assertThat(focalPoint.submit("/screenings/notices/nope/acknowledge").status()).isEqualTo(404);
	}

	private String screen(String screener) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", "ID", "age_band", "25_34", "A3", "yes",
				"C1", "yes", "E1", "yes", "I3", "yes"));
		Reply reply = fixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening",
				"language", "en", "answers", answers, "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", true, "research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}
}
