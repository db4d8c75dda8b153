package org.tipx.cases.intake;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Someone without an account using the public report page from one address, through the reverse proxy the test
 * profile trusts (localhost), so each test can come from addresses and networks of its own. Keeps cookies (the
 * CSRF token lives in the session) and sends forms as a browser without JavaScript would, solving the proof of work
 * itself unless told not to.
 */
final class Reporter {

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final String address;

	Reporter(int port, String address) {
		this.base = "http://localhost:" + port;
		this.address = address;
	}

	/** An address in a network (/24) no other test uses. */
	static String freshNetwork() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + ".";
	}

	/** A report as a person would fill it in: a relative, Indonesian, held in Cambodia, both countries told. */
	static Map<String, String> report(String nationality, String held, String share, String marker) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("reporter", "FAMILY");
		fields.put("nationality", nationality);
		fields.put("countryHeld", held);
		fields.put("area", "Near the river casino " + marker + "-area");
		fields.put("compound", "Golden Compound " + marker + "-compound");
		fields.put("contactWho", "PERSON");
		fields.put("contactChannel", "Telegram @" + marker + "-channel");
		fields.put("safeTimes", "after 23:00 " + marker + "-times");
		fields.put("doNotCall", "true");
		fields.put("whatHappened", "My brother was promised a job " + marker + "-story");
		fields.put("share", share);
		return fields;
	}

	Page form(String lang) {
		return send(HttpRequest.newBuilder(URI.create(base + "/report" + (lang == null ? "" : "?lang=" + lang))).GET());
	}

	/** Opens the form, solves its proof of work and sends the report. */
	Page file(Map<String, String> fields) {
		Page form = form(null);
		String challenge = form.html().selectFirst("input[name=challenge]").attr("value");
		return send(form, fields, challenge, ProofOfWork.solve(challenge));
	}

	/** Sends the report with the CSRF token of {@code form} and this challenge and solution. */
	Page send(Page form, Map<String, String> fields, String challenge, String solution) {
		List<String> all = new ArrayList<>();
		fields.forEach((k, v) -> {
			all.add(k);
			all.add(v);
		});
		all.addAll(List.of("challenge", challenge, "solution", solution, "_csrf", form.csrf()));
		return post("/report", all);
	}

	Page status(String reference) {
		Page form = send(HttpRequest.newBuilder(URI.create(base + "/report/status")).GET());
		return post("/report/status", List.of("reference", reference, "_csrf", form.csrf()));
	}

	private Page post(String path, List<String> fields) {
		StringJoiner body = new StringJoiner("&");
		for (int i = 0; i + 1 < fields.size(); i += 2) {
			body.add(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private Page send(HttpRequest.Builder request) {
		request.header("Accept", "text/html").header("X-Forwarded-For", address);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	record Page(int status, String body, String retryAfter) {

		Document html() {
			return Jsoup.parse(body);
		}

		String csrf() {
			var input = html().selectFirst("input[name=_csrf]");
			return input == null ? "" : input.attr("value");
		}

		String text(String selector) {
			var element = html().selectFirst(selector);
			return element == null ? "" : element.text();
		}

		/** The reference a sent report's page shows. */
		String reference() {
			return text("#reference");
		}
	}
}
