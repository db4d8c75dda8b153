package org.tipx.recruitment.monitoring;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A job board on localhost for tests: {@code /feed.xml} serves the RSS items added so far, {@code /garbage} answers
 * nonsense, {@code /slow} keeps the client waiting longer than its read timeout, {@code /huge} answers more than the
 * body limit.
 */
public final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final List<String> items = new CopyOnWriteArrayList<>();

	private final java.util.Map<String, List<String>> named = new java.util.concurrent.ConcurrentHashMap<>();

	private FeedServer(HttpServer server) {
		this.server = server;
	}

	public static FeedServer start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		FeedServer feeds = new FeedServer(server);
		server.createContext("/feed.xml", exchange -> {
			StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
					+ "<channel><title>Jobs</title>");
			feeds.items.forEach(rss::append);
			answer(exchange, rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
		});
		server.createContext("/feeds/", exchange -> {
			String name = exchange.getRequestURI().getPath().substring("/feeds/".length()).replace(".xml", "");
			StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
					+ "<channel><title>Jobs</title>");
			feeds.named.getOrDefault(name, List.of()).forEach(rss::append);
			answer(exchange, rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
		});
		server.createContext("/jobs.json", exchange -> answer(exchange, ("{\"data\":{\"jobs\":["
				+ "{\"job_id\":101,\"name\":\"Telegram typing job\",\"text\":\"Typing work abroad\"},"
				+ "{\"job_id\":102,\"name\":\"Cook\",\"text\":\"Kitchen work\"}]}}").getBytes(StandardCharsets.UTF_8)));
		server.createContext("/garbage", exchange -> answer(exchange,
				"\u0000\u0001 this is not a feed {".getBytes(StandardCharsets.UTF_8)));
		server.createContext("/slow", exchange -> {
			try {
				Thread.sleep(6_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, "<rss/>".getBytes(StandardCharsets.UTF_8));
		});
		server.createContext("/huge", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				byte[] chunk = "<item><title>x</title></item>".repeat(1000).getBytes(StandardCharsets.UTF_8);
				for (int i = 0; i < 100; i++) {
					out.write(chunk);
				}
			}
			catch (IOException closedByClient) {
				// the client stops reading at its limit
			}
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		return feeds;
	}

	/** Adds an RSS item to the feed {@code /feeds/<feed>.xml}, which only one test uses. */
	public void item(String feed, String guid, String title, String description) {
		named.computeIfAbsent(feed, f -> new CopyOnWriteArrayList<>()).add(rss(guid, title, description));
	}

	/** Adds an RSS item to the shared feed {@code /feed.xml} (title and description are escaped here). */
	public void item(String guid, String title, String description) {
		items.add(rss(guid, title, description));
	}

	private static String rss(String guid, String title, String description) {
		return ("<item><guid>" + xml(guid) + "</guid><title>" + xml(title) + "</title><description>"
				+ xml(description) + "</description></item>");
	}

	/** How many items the feed serves now. */
	public int size() {
		return items.size();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private static void answer(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
