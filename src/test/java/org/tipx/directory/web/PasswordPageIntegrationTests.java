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
 * People change their own password on a page; after an administrator resets it they must, before anything else.
 */
@TipxIntegrationTest
class PasswordPageIntegrationTests {

	private static final String NEW_PASSWORD = "copper-meadow-whistle-58";

	private static final String TEMPORARY = "amber-canyon-pillow-71";

	@LocalServerPort
	int port;

	Fixtures fixtures;

	String username;

	@BeforeEach
	void aCaseWorker() {
		fixtures = new Fixtures(new Api(port));
		username = fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "MM"), "CASE_WORKER");
	}

	@Test
	void afterAnAdministratorsResetTheOwnerMustChangeThePasswordBeforeAnythingElse() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		String accountPage = "/admin/accounts/" + fixtures.accountId(username);
		admin.get(accountPage);
		Page reset = admin.submit(accountPage + "/password-reset", "temporaryPassword", TEMPORARY);
		assertThat(admin.follow(reset).text("#notice")).contains("has been reset");

		Visitor owner = new Visitor(port);
		Page landed = owner.logIn(username, TEMPORARY);
		assertThat(landed.text("h1")).isEqualTo("Change your password");
		assertThat(landed.text("[role=alert].warning")).startsWith("An administrator chose your current password");
		Page home = owner.get("/");
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location()).endsWith("/account/password?required");
		assertThat(owner.get("/admin/accounts").location()).endsWith("/account/password?required");
		assertThat(landed.html().select("nav.navigation a[href^=/admin]")).isEmpty();

		owner.get("/account/password");
		Page changed = owner.submit("/account/password", "currentPassword", TEMPORARY, "newPassword", NEW_PASSWORD,
				"repeatedPassword", NEW_PASSWORD);
		assertThat(changed.location()).endsWith("/");
		Page welcome = owner.follow(changed);
		assertThat(welcome.text("#notice")).isEqualTo("Your password has been changed.");
		assertThat(welcome.text("#card-CASE_WORKER h2")).isEqualTo("Case worker");

		assertThat(new Visitor(port).logIn(username, NEW_PASSWORD).text("h1")).isEqualTo("Welcome, " + username);
	}

	@Test
	void aWrongCurrentPasswordIsShownBesideItsField() {
		Visitor owner = Visitor.loggedIn(port, username, Fixtures.PASSWORD);
		owner.get("/account/password");
		Page refused = owner.submit("/account/password", "currentPassword", "not-my-password", "newPassword",
				NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD);
		assertThat(refused.status()).isEqualTo(200);
		Element field = refused.html().selectFirst("#currentPassword");
		assertThat(field.attr("aria-invalid")).isEqualTo("true");
		assertThat(field.attr("aria-describedby")).isEqualTo("currentPassword-error");
		assertThat(refused.text("#currentPassword-error")).isEqualTo("This is not your current password.");
		assertThat(refused.text(".error-summary a[href=#currentPassword]"))
				.isEqualTo("This is not your current password.");
		assertThat(field.attr("value")).isEmpty();
	}

	@Test
	void twoDifferentNewPasswordsAreRefused() {
		Visitor owner = Visitor.loggedIn(port, username, Fixtures.PASSWORD);
		owner.get("/account/password");
		Page refused = owner.submit("/account/password", "currentPassword", Fixtures.PASSWORD, "newPassword",
				NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD + "x");
		assertThat(refused.text("#repeatedPassword-error")).isEqualTo("The two new passwords are not the same.");
		assertThat(new Visitor(port).logIn(username, Fixtures.PASSWORD).isOk()).isTrue();
	}

	@Test
	void aGuessablePasswordIsRefusedInThePageLanguageWithTheRuleBesideTheField() {
		Visitor owner = Visitor.loggedIn(port, username, Fixtures.PASSWORD).speaking("id");
		owner.get("/account/password?lang=id");
		Page refused = owner.submit("/account/password", "currentPassword", Fixtures.PASSWORD, "newPassword",
				"password1234", "repeatedPassword", "password1234");
		assertThat(refused.language()).isEqualTo("id");
		assertThat(refused.text("#newPassword-error")).startsWith("Pilih kata sandi minimal 12 karakter");
		assertThat(refused.html().selectFirst("#newPassword").attr("aria-describedby"))
				.isEqualTo("newPassword-hint newPassword-error");
		assertThat(refused.text("#newPassword-hint")).startsWith("Minimal 12 karakter");
	}
}
