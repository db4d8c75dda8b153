package org.tipx.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * The "My screenings" page over HTTP: a filter not understood is named next to its field with a 400, the page speaks
 * Bahasa Indonesia, and people who neither screen nor administer an organisation may not open it.
 */
@TipxIntegrationTest
class FinishedScreeningsPageIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aFilterNotUnderstoodIsNamedNextToItsField() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String officer = fixtures.account(fixtures.organisation("CONSULATE", "ID"), "SCREENER");
		Page refused = Visitor.loggedIn(port, officer, Fixtures.PASSWORD)
				.get("/screenings/finished?from=2026-13-01&outcome=MAYBE");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("#filter-from-error")).contains("not a date");
		assertThat(refused.text("#filter-outcome-error")).contains("PRESUMED_VICTIM");
		assertThat(refused.html().selectFirst("#filter-from").hasAttr("autofocus")).isTrue();
		assertThat(refused.html().select("#screenings")).isEmpty();
	}

	@Test
	void thePageSpeaksBahasaIndonesia() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String officer = fixtures.account(fixtures.organisation("CONSULATE", "ID"), "SCREENER");
		Page page = Visitor.loggedIn(port, officer, Fixtures.PASSWORD).speaking("id").get("/screenings/finished?lang=id");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("h1")).isEqualTo("Penapisan saya");
		assertThat(page.text("#count")).isEqualTo("Tidak ada penapisan");
	}

	@Test
	void anAnalystMayNotOpenIt() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String analyst = fixtures.account(fixtures.organisation("LAW_ENFORCEMENT", "ID"), "ANALYST");
		assertThat(Visitor.loggedIn(port, analyst, Fixtures.PASSWORD).get("/screenings/finished").status())
				.isEqualTo(403);
	}
}
