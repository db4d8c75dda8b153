package org.tipx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Someone using tipx's pages over HTTP, as a browser without JavaScript would: keeps cookies, does not follow
 * redirects on its own, and sends forms with the CSRF token of the last page it was shown.
 */
public final class Visitor {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private String acceptLanguage = "en";

	private String csrf;

	public Visitor(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Logs in through the login page and returns the page landed on. */
	public static Visitor loggedIn(int port, String username, String password) {
		Visitor visitor = new Visitor(port);
		Page landed = visitor.logIn(username, password);
		if (!landed.isOk()) {
			throw new IllegalStateException("login of " + username + " failed: " + landed.status());
		}
		return visitor;
	}

	public Visitor speaking(String language) {
		this.acceptLanguage = language;
		return this;
	}

	/** Fills in the login form and follows where it leads. */
	public Page logIn(String username, String password) {
		get("/login");
		return follow(submit("/login", "username", username, "password", password));
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts a form with the CSRF token of the last page seen; {@code fields} are name, value pairs. */
	public Page submit(String path, String... fields) {
		List<String> all = new ArrayList<>(List.of(fields));
		if (csrf != null) {
			all.add("_csrf");
			all.add(csrf);
		}
		return post(path, all);
	}

	/** Posts a form without any CSRF token, as a forged cross-site form would. */
	public Page submitWithoutToken(String path, String... fields) {
		return post(path, List.of(fields));
	}

	/**
	 * Sends a file as a browser's multipart form would, with the CSRF token of the last page seen; {@code fields}
	 * are further name, value pairs.
	 */
	public Page upload(String path, String field, String filename, String contentType, byte[] content,
			String... fields) {
		String boundary = "----tipx" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		List<String> all = new ArrayList<>(List.of(fields));
		if (csrf != null) {
			all.add("_csrf");
			all.add(csrf);
		}
		for (int i = 0; i + 1 < all.size(); i += 2) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i)
					+ "\"\r\n\r\n" + all.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Follows redirects from {@code page} until a page that is not one. */
	public Page follow(Page page) {
		Page current = page;
		for (int hops = 0; current.isRedirect() && hops < 10; hops++) {
			current = get(relative(current.location()));
		}
		return current;
	}

	public Optional<HttpCookie> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
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
		// What a browser sends: pages preferred, anything else (a CSV download) accepted.
		request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
				.header("Accept-Language", acceptLanguage);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Page page = new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""), response.body(),
					response.headers().allValues("Set-Cookie"));
			page.csrfToken().ifPresent(token -> csrf = token);
			return page;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private String relative(String location) {
		return location.startsWith(base) ? location.substring(base.length()) : location;
	}

	/** A response: status, redirect target, content type, body and cookies set. */
	public record Page(int status, String location, String contentType, String body, List<String> setCookies) {

		public boolean isOk() {
			return status == 200;
		}

		public boolean isRedirect() {
			return status >= 300 && status < 400 && location != null;
		}

		public Document html() {
			return Jsoup.parse(body);
		}

		/** The visible text of the element {@code selector} picks; empty if there is none. */
		public String text(String selector) {
			Element element = html().selectFirst(selector);
			return element == null ? "" : element.text();
		}

		public String language() {
			return html().selectFirst("html").attr("lang");
		}

		Optional<String> csrfToken() {
			if (!contentType.startsWith("text/html") || body == null) {
				return Optional.empty();
			}
			return Optional.ofNullable(Jsoup.parse(body).selectFirst("input[name=_csrf]")).map(e -> e.attr("value"));
		}
	}
}
