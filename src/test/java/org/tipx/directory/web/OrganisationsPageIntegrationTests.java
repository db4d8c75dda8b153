package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * Administrators register member organisations through a form; nobody else may open the page.
 */
@TipxIntegrationTest
class OrganisationsPageIntegrationTests {

	@LocalServerPort
	int port;

	Fixtures fixtures;

	Visitor admin;

	@BeforeEach
	void anAdministrator() {
		fixtures = new Fixtures(new Api(port));
		admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void anAdministratorRegistersAnOrganisationThroughTheForm() {
		String name = Fixtures.unique("Lembaga Bantuan");
		admin.get("/admin/organisations");
		Page registered = admin.submit("/admin/organisations", "name", name, "type", "CIVIL_SOCIETY", "country", "ID");
		assertThat(registered.status()).isEqualTo(302);
		assertThat(registered.location()).endsWith("/admin/organisations");

		Page list = admin.follow(registered);
		assertThat(list.text("#notice")).isEqualTo("Organisation " + name + " registered.");
		Element row = list.html().select("tbody tr").stream()
				.filter(tr -> tr.selectFirst("th").text().equals(name)).findFirst().orElseThrow();
		assertThat(row.select("td").eachText()).startsWith("Civil society organisation", "Indonesia");
	}

	@Test
	void theListShowsTypesAndCountriesInThePageLanguage() {
		String name = Fixtures.unique("Kedutaan");
		admin.get("/admin/organisations");
		admin.follow(admin.submit("/admin/organisations", "name", name, "type", "CONSULATE", "country", "DE"));
		Page list = admin.get("/admin/organisations?lang=id");
		Element row = list.html().select("tbody tr").stream()
				.filter(tr -> tr.selectFirst("th").text().equals(name)).findFirst().orElseThrow();
		assertThat(row.select("td").eachText()).startsWith("Konsulat atau kedutaan", "Jerman");
	}

	@Test
	void missingFieldsAreShownBesideEachFieldAndNothingIsRegistered() {
		admin.get("/admin/organisations");
		Page refused = admin.submit("/admin/organisations", "name", "  ", "type", "", "country", "");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#name-error")).isEqualTo("Enter the organisation’s name, at most 200 characters.");
		assertThat(refused.text("#type-error")).isEqualTo("Choose the type of organisation.");
		assertThat(refused.text("#country-error")).isEqualTo("Choose the country of the organisation.");
		for (String field : new String[] { "name", "type", "country" }) {
			Element input = refused.html().selectFirst("#" + field);
			assertThat(input.attr("aria-describedby")).as(field).isEqualTo(field + "-error");
			assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
		}
		assertThat(refused.html().select(".error-summary a").eachAttr("href"))
				.containsExactlyInAnyOrder("#name", "#type", "#country");
	}

	@Test
	void whatWasTypedIsKeptWhenTheFormIsRefused() {
		admin.get("/admin/organisations");
		Page refused = admin.submit("/admin/organisations", "name", "Half-filled", "type", "MEDIA", "country", "");
		assertThat(refused.html().selectFirst("#name").attr("value")).isEqualTo("Half-filled");
		assertThat(refused.html().selectFirst("#type option[selected]").attr("value")).isEqualTo("MEDIA");
	}

	@Test
	void aNameAlreadyRegisteredIsShownBesideTheName() {
		String name = Fixtures.unique("Taken");
		admin.get("/admin/organisations");
		admin.follow(admin.submit("/admin/organisations", "name", name, "type", "MEDIA", "country", "PH"));
		Page refused = admin.submit("/admin/organisations", "name", name.toUpperCase(), "type", "MEDIA", "country",
				"PH");
		assertThat(refused.text("#name-error")).isEqualTo("An organisation with this name is already registered.");
	}

	@Test
	void anOrganisationAdministratorMayNotOpenThePage() {
		String orgAdmin = fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "LA"), "ORG_ADMIN");
		Visitor visitor = Visitor.loggedIn(port, orgAdmin, Fixtures.PASSWORD);
		Page refused = visitor.get("/admin/organisations");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("h1")).isEqualTo("You may not open this page");
		assertThat(refused.html().select("main a[href=/]")).isNotEmpty();
		Page forged = visitor.submit("/admin/organisations", "name", Fixtures.unique("x"), "type", "MEDIA",
				"country", "LA");
		assertThat(forged.status()).isEqualTo(403);
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsRegistered() {
		String name = Fixtures.unique("Forged");
		admin.get("/admin/organisations");
		Page refused = admin.submitWithoutToken("/admin/organisations", "name", name, "type", "MEDIA", "country",
				"TH");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(admin.get("/admin/organisations").body()).doesNotContain(name);
	}
}
