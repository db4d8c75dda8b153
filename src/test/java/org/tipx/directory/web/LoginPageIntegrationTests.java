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
 * Logging in through the login page: the right password leads home, a wrong one says so without saying which part
 * was wrong, repeated failures lock the account, and a form without its CSRF token is refused.
 */
@TipxIntegrationTest
class LoginPageIntegrationTests {

	@LocalServerPort
	int port;

	String username;

	@BeforeEach
	void aScreener() {
		Fixtures fixtures = new Fixtures(new Api(port));
		username = fixtures.account(fixtures.organisation("BORDER_IMMIGRATION", "KH"), "SCREENER");
	}

	@Test
	void theRightPasswordLeadsToTheHomePage() {
		Page home = new Visitor(port).logIn(username, Fixtures.PASSWORD);
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.text("h1")).isEqualTo("Welcome, " + username);
		assertThat(home.text(".signed-in")).isEqualTo("Signed in as " + username);
	}

	@Test
	void aWrongPasswordIsShownOnTheLoginPage() {
		Visitor visitor = new Visitor(port);
		visitor.get("/login");
		Page refused = visitor.submit("/login", "username", username, "password", "not-the-password");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/login?error");

		Page login = visitor.follow(refused);
		assertThat(login.text("#login-problem[role=alert] p")).isEqualTo("The username or password is wrong.");
		assertThat(login.html().selectFirst("#username").attr("aria-describedby")).isEqualTo("login-problem");
		assertThat(login.html().selectFirst("#password").attr("aria-invalid")).isEqualTo("true");
	}

	@Test
	void anUnknownUsernameGetsTheSameAnswerAsAWrongPassword() {
		Page unknown = new Visitor(port).logIn("nobody-at-all", "whatever-it-is");
		Page wrong = new Visitor(port).logIn(username, "whatever-it-is");
		assertThat(unknown.text("#login-problem")).isEqualTo(wrong.text("#login-problem")).isNotEmpty();
	}

	@Test
	void aWrongPasswordIsExplainedInBahasaIndonesia() {
		Visitor visitor = new Visitor(port).speaking("id");
		Page login = visitor.logIn(username, "not-the-password");
		assertThat(login.language()).isEqualTo("id");
		assertThat(login.text("#login-problem p")).isEqualTo("Nama pengguna atau kata sandi salah.");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountAndTheLoginPageSaysSo() {
		for (int i = 0; i < 4; i++) {
			new Visitor(port).logIn(username, "wrong-" + i);
		}
		Visitor visitor = new Visitor(port);
		visitor.get("/login");
		Page fifth = visitor.submit("/login", "username", username, "password", "wrong-5");
		assertThat(fifth.location()).endsWith("/login?locked");
		assertThat(visitor.follow(fifth).text("#login-problem p")).startsWith("This account is locked");

		Page rightPassword = new Visitor(port).logIn(username, Fixtures.PASSWORD);
		assertThat(rightPassword.text("#login-problem p")).startsWith("This account is locked");
	}

	@Test
	void aLoginFormWithoutItsCsrfTokenIsRefused() {
		Visitor visitor = new Visitor(port);
		visitor.get("/login");
		Page refused = visitor.submitWithoutToken("/login", "username", username, "password", Fixtures.PASSWORD);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("h1")).isEqualTo("You may not open this page");
		assertThat(refused.text("main")).contains("it had expired");
		assertThat(visitor.get("/").status()).isEqualTo(302);
	}

	@Test
	void someoneLoggedInWhoOpensTheLoginPageIsSentHome() {
		Visitor visitor = Visitor.loggedIn(port, username, Fixtures.PASSWORD);
		Page login = visitor.get("/login");
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).endsWith("/");
	}
}
