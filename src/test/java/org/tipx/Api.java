package org.tipx;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that talk to the running application exactly as an external client would.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Logs in and returns the bearer token. */
	public String login(String username, String password) {
		Reply reply = post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
		if (reply.status() != 200) {
			throw new IllegalStateException("login failed: " + reply.status() + " " + reply.body());
		}
		return reply.json().get("token").asString();
	}

	public Reply get(String token, String path) {
		return send(token, "GET", path, null);
	}

	public Reply post(String token, String path, Object body) {
		return send(token, "POST", path, body == null ? null : JSON.writeValueAsString(body));
	}

	public Reply put(String token, String path, Object body) {
		return send(token, "PUT", path, JSON.writeValueAsString(body));
	}

	public Reply delete(String token, String path) {
		return send(token, "DELETE", path, null);
	}

	public Reply postRaw(String token, String path, String rawJson) {
		return send(token, "POST", path, rawJson);
	}

	public Reply send(String token, String method, String path, String body) {
		return send(token, method, path, body, "application/json");
	}

	public Reply send(String token, String method, String path, String body, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body))
				.header("Accept", accept);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A response: status, content type and body. */
	public record Reply(int status, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public boolean isProblem() {
			return contentType.startsWith("application/problem+json");
		}
	}
}
