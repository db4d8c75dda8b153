package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * An organisation's admin keeps its referral contacts through the page: a bad entry is refused beside its field, a
 * good one is listed, another organisation's admin neither sees nor removes it, and a screener may not use the page.
 */
@TipxIntegrationTest
class ReferralContactsPageIntegrationTests {

	@LocalServerPort
	int port;

	Fixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new Fixtures(new Api(port));
	}

	@Test
	void anOrganisationsAdminKeepsItsContactsThroughThePage() {
		String organisation = fixtures.organisation("CIVIL_SOCIETY", "KH");
		Visitor admin = Visitor.loggedIn(port, fixtures.account(organisation, "ORG_ADMIN"), Fixtures.PASSWORD);

		Page refused = admin.submit("/admin/referral-contacts", "country", "KH", "kind", "HOTLINE", "name", "",
				"phone", "call us", "email", "", "website", "", "languages", "km", "hours", "");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#name-error")).isNotBlank();
		assertThat(refused.text("#phone-error")).isNotBlank();

		String name = Fixtures.unique("Cambodia hotline");
		Page added = admin.follow(admin.submit("/admin/referral-contacts", "country", "KH", "kind", "HOTLINE", "name",
				name, "phone", "1288", "email", "", "website", "", "languages", "km en", "hours", "24/7"));
		assertThat(added.text("#notice")).contains(name);
		assertThat(added.text("#referral-contacts")).contains(name).contains("1288").contains("km, en");

		Visitor other = Visitor.loggedIn(port, fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "TH"),
				"ORG_ADMIN"), Fixtures.PASSWORD);
		assertThat(other.get("/admin/referral-contacts").text("#referral-contacts")).doesNotContain(name);

		Visitor screener = Visitor.loggedIn(port, fixtures.account(organisation, "SCREENER"), Fixtures.PASSWORD);
		assertThat(screener.get("/admin/referral-contacts").status()).isEqualTo(403);
	}
}
