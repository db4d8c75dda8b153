package org.tipx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;

/**
 * A client that sends the wrong body type or the wrong method to an API path gets a problem detail saying what the
 * path takes, not Spring's default error body; a path that does not exist is a 404 problem; a JSON body over the
 * limit is refused before it is read. Pages keep the HTML error page.
 */
@TipxIntegrationTest
class RoutingProblemsIntegrationTests {

	@LocalServerPort
	int port;

	Fixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new Fixtures(new Api(port));
	}

	@Test
	void aBodyTypeThePathDoesNotReadIsAProblemNamingWhatItReads() {
		Reply reply = fixtures.api.post(fixtures.admin, "/api/v1/signals/imports", Map.of("rows", 1));
		assertThat(reply.status()).isEqualTo(415);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.json().get("detail").asString()).contains("application/json").contains("text/csv")
				.contains("application/x-ndjson");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("Content-Type");
	}

	@Test
	void aMethodThePathDoesNotTakeIsAProblemNamingWhatItTakes() {
		Reply reply = fixtures.api.delete(fixtures.admin, "/api/v1/signals/imports");
		assertThat(reply.status()).isEqualTo(405);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.json().get("detail").asString()).contains("DELETE").contains("POST");
	}

	@Test
	void aJsonBodyOverTheLimitIsRefusedBeforeItIsRead() {
		String huge = "{\"formId\":\"tipx-screening\",\"answers\":{\"statement\":\"" + "x".repeat(2 * 1024 * 1024)
				+ "\"}}";
		Reply reply = fixtures.api.postRaw(fixtures.admin, "/api/v1/screenings", huge);
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.json().get("detail").asString()).contains("at most");
	}

	@Test
	void anApiPathThatDoesNotExistIsANotFoundProblem() {
		for (String path : new String[] { "/api/v1/nope", "/api/v1/signals/nope", "/api/v1/users/x/y/z" }) {
			Reply reply = fixtures.api.get(fixtures.admin, path);
			assertThat(reply.status()).as(path).isEqualTo(404);
			assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
			assertThat(reply.json().get("status").asInt()).isEqualTo(404);
			assertThat(reply.json().get("detail").asString()).contains(path);
		}
	}

	@Test
	void anyMethodOnAnApiPathThatDoesNotExistIsANotFoundProblem() {
		Reply deleted = fixtures.api.delete(fixtures.admin, "/api/v1/nope");
		assertThat(deleted.status()).isEqualTo(404);
		assertThat(deleted.isProblem()).isTrue();
		Reply posted = fixtures.api.post(fixtures.admin, "/api/v1/signals/nope", Map.of("a", 1));
		assertThat(posted.status()).isEqualTo(404);
		assertThat(posted.isProblem()).isTrue();
	}

	@Test
	void aPagePathThatDoesNotExistKeepsTheHtmlErrorPage() {
		var page = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD).get("/no-such-page");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<html");
	}
}
