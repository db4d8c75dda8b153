package org.tipx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
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
 * The frame around every page: the login page and the home page in English and Bahasa Indonesia, per-role cards
 * without dead links, the language switcher, the session cookie and logging out.
 */
@TipxIntegrationTest
class ShellIntegrationTests {

	@LocalServerPort
	int port;

	Fixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new Fixtures(new Api(port));
	}

	@Test
	void theLoginPageSpeaksEnglishByDefault() {
		Page login = new Visitor(port).get("/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.language()).isEqualTo("en");
		assertThat(login.text("h1")).isEqualTo("Log in to tipx");
		assertThat(login.text("label[for=username]")).isEqualTo("Username");
		assertThat(login.html().select(".draft-note")).isEmpty();
	}

	@Test
	void theLoginPageSpeaksBahasaIndonesiaToABrowserThatAsksForIt() {
		Page login = new Visitor(port).speaking("id-ID,id;q=0.9").get("/login");
		assertThat(login.language()).isEqualTo("id");
		assertThat(login.text("h1")).isEqualTo("Masuk ke tipx");
		assertThat(login.text("label[for=password]")).isEqualTo("Kata sandi");
		assertThat(login.text(".draft-note")).contains("awaiting review by a native speaker");
	}

	@Test
	void theLanguageSwitcherChangesTheLanguageAndRemembersIt() {
		Visitor visitor = new Visitor(port);
		Page english = visitor.get("/login");
		String toIndonesian = english.html().selectFirst(".languages a[lang=id]").attr("href");
		assertThat(toIndonesian).isEqualTo("/login?lang=id");

		Page indonesian = visitor.get(toIndonesian);
		assertThat(indonesian.language()).isEqualTo("id");
		assertThat(visitor.get("/login").text("h1")).isEqualTo("Masuk ke tipx");
		assertThat(visitor.get("/login").html().selectFirst(".languages a[lang=id]").attr("aria-current"))
				.isEqualTo("true");
	}

	@Test
	void aLanguageTipxDoesNotSpeakIsNotChosen() {
		Page page = new Visitor(port).get("/login?lang=fr");
		assertThat(page.language()).isEqualTo("en");
		assertThat(page.text("h1")).isEqualTo("Log in to tipx");
	}

	@Test
	void anAdministratorSeesTheAdministratorsCardWithItsPages() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		Page home = admin.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.text("h1")).isEqualTo("Welcome, admin");
		Element card = home.html().selectFirst("#card-ADMIN");
		assertThat(card).isNotNull();
		assertThat(card.select("a").eachAttr("href"))
				.containsExactly("/admin/organisations", "/admin/accounts", "/admin/audit", "/signals/warning-list",
						"/admin/peers");
		assertThat(home.html().select("nav.navigation a").eachAttr("href")).containsExactly("/",
				"/admin/organisations", "/admin/accounts", "/admin/audit", "/signals/warning-list", "/admin/peers");
	}

	@Test
	void aScreenerSeesTheInterviewsAndNoAdministration() {
		String screener = fixtures.account(fixtures.organisation("CONSULATE", "ID"), "SCREENER");
		Page home = Visitor.loggedIn(port, screener, Fixtures.PASSWORD).get("/");
		Document page = home.html();
		assertThat(page.select(".card h2").eachText()).containsExactly("Screener");
		assertThat(page.select("#card-SCREENER .task--coming")).isEmpty();
		assertThat(page.select("#card-SCREENER a").eachAttr("href")).containsExactly("/screenings",
				"/screenings/finished");
		assertThat(page.select("a[href^=/admin]")).isEmpty();
		assertThat(page.select("nav.navigation a").eachAttr("href")).containsExactly("/", "/screenings",
				"/screenings/finished");
	}

	@Test
	void everyLinkOnAHomePageLeadsSomewhere() {
		String analyst = fixtures.account(fixtures.organisation("LAW_ENFORCEMENT", "TH"), "ANALYST", "ORG_ADMIN");
		for (Visitor visitor : new Visitor[] { Visitor.loggedIn(port, analyst, Fixtures.PASSWORD),
				Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD) }) {
			Page home = visitor.get("/");
			for (String href : home.html().select("main a, nav a").eachAttr("href")) {
				Page target = visitor.follow(visitor.get(href));
				assertThat(target.status()).as(href).isEqualTo(200);
			}
		}
	}

	@Test
	void theHomePageSpeaksBahasaIndonesiaAfterSwitching() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		Page home = admin.get("/?lang=id");
		assertThat(home.language()).isEqualTo("id");
		assertThat(home.text("h1")).isEqualTo("Selamat datang, admin");
		assertThat(home.text("#card-ADMIN h2")).isEqualTo("Administrator");
		assertThat(home.text("#card-ADMIN a[href=/admin/audit]")).isEqualTo("Jejak audit");
		assertThat(home.text(".draft-note")).contains("DRAFT");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		Page login = new Visitor(port).get("/login");
		assertThat(login.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("TIPX_SESSION=")
				.containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void aStrangerIsSentToTheLoginPage() {
		Page home = new Visitor(port).get("/");
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location()).endsWith("/login");
	}

	@Test
	void loggingOutEndsTheSession() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		Page out = admin.submit("/logout");
		assertThat(out.status()).isEqualTo(302);
		assertThat(out.location()).endsWith("/login?logout");
		assertThat(admin.follow(out).text("[role=status].notice, .notice")).isEqualTo("You have logged out.");
		assertThat(admin.get("/").status()).isEqualTo(302);
	}

	@Test
	void theStylesheetAndHtmxComeFromTipxItself() {
		Visitor visitor = new Visitor(port);
		Document login = visitor.get("/login").html();
		List<String> assets = new ArrayList<>(login.select("link[rel=stylesheet]").eachAttr("href"));
		assets.addAll(login.select("script[src]").eachAttr("src"));
		assertThat(assets).hasSize(2).first().isEqualTo("/css/tipx.css");
		assertThat(assets.get(1)).startsWith("/webjars/htmx.org/").endsWith("/dist/htmx.min.js");
		for (String asset : assets) {
			assertThat(visitor.get(asset).status()).as(asset).isEqualTo(200);
		}
	}
}
