package org.tipx.sharing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on the loopback address that records what it gets and, until released, holds each request
 * without answering (a slow receiver).
 */
final class Receiver implements AutoCloseable {

	final List<String> bodies = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final CountDownLatch release;

	Receiver(boolean slow) throws IOException {
		release = new CountDownLatch(slow ? 1 : 0);
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(threads);
		server.createContext("/hook", this::receive);
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	void release() {
		release.countDown();
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
		threads.shutdownNow();
	}

	private void receive(HttpExchange exchange) throws IOException {
		bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		try {
			release.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}
}
