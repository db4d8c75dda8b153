package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends import files as a client would: the raw file as the body, with its content type and an optional
 * Idempotency-Key; and waits for an import to finish.
 */
final class Uploads {

	static final String CSV = "text/csv";

	static final String NDJSON = "application/x-ndjson";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	Uploads(int port) {
		this.base = "http://localhost:" + port;
	}

	Upload send(String token, String contentType, String body, String idempotencyKey) {
		return send(token, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
				idempotencyKey);
	}

	Upload send(String token, String contentType, byte[] body, String idempotencyKey) {
		return send(token, contentType, HttpRequest.BodyPublishers.ofByteArray(body), idempotencyKey);
	}

	/** Sends the stream chunked, without a Content-Length. */
	Upload sendChunked(String token, String contentType, Supplier<InputStream> body, String idempotencyKey) {
		return send(token, contentType, HttpRequest.BodyPublishers.ofInputStream(body), idempotencyKey);
	}

	Upload send(String token, String contentType, HttpRequest.BodyPublisher body, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/signals/imports"))
				.POST(body).header("Content-Type", contentType).header("Authorization", "Bearer " + token);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Upload(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	JsonNode status(String token, String importId) {
		return get(token, "/api/v1/signals/imports/" + importId).json();
	}

	Upload get(String token, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET()
				.header("Authorization", "Bearer " + token).build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Upload(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Polls the status resource until the import has ended, and returns its last state. */
	JsonNode awaitEnd(String token, String importId) {
		return awaitEnd(token, importId, 60);
	}

	JsonNode awaitEnd(String token, String importId, int seconds) {
		return await().alias("import " + importId + " to end").atMost(Duration.ofSeconds(seconds))
				.pollInterval(Duration.ofMillis(50)).until(() -> status(token, importId),
						status -> !Set.of("RECEIVED", "IMPORTING").contains(status.get("state").asString()));
	}

	/** Sends a file, expects it accepted, and waits until it is filed. */
	JsonNode imported(String token, String contentType, String body) {
		Upload upload = send(token, contentType, body, null);
		assertThat(upload.status()).as(upload.body()).isEqualTo(202);
		JsonNode done = awaitEnd(token, upload.json().get("id").asString());
		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
		return done;
	}

	/** A response: status, headers and body. */
	record Upload(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		boolean isProblem() {
			return header("Content-Type") != null && header("Content-Type").startsWith("application/problem+json");
		}
	}
}
