package io.tierline.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;

/** A real local HTTP server receiving webhooks: records each request and answers what the test says. */
public final class WebhookReceiver implements AutoCloseable {

	public record Received(Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase());
		}
	}

	private final HttpServer server;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private volatile IntSupplier answer = () -> 200;
	private final AtomicInteger calls = new AtomicInteger();

	public WebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			calls.incrementAndGet();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new java.util.HashMap<>();
			exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
			received.add(new Received(headers, body));
			int status = answer.getAsInt();
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	/** Status codes to answer, in order; the last one repeats. */
	public void answer(int... statuses) {
		AtomicInteger next = new AtomicInteger();
		answer = () -> statuses[Math.min(next.getAndIncrement(), statuses.length - 1)];
	}

	public List<Received> received() {
		return received;
	}

	public List<Received> of(String type) {
		return received.stream().filter(r -> type.equals(r.header("X-Tierline-Event"))).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
