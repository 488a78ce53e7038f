package io.tierline.channel.chat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.tierline.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client for the chat tests: sends frames, and waits for the frames it expects. */
final class ChatSocket implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
	private final StringBuilder partial = new StringBuilder();
	private WebSocket socket;

	/** The widget's socket for a client, as a page on {@code origin} (may be null) opens it. */
	static ChatSocket visitor(int port, String client, String origin) {
		var builder = HttpClient.newHttpClient().newWebSocketBuilder();
		if (origin != null) {
			builder.header("Origin", origin);
		}
		return open(builder, "ws://localhost:" + port + "/chat/ws?client=" + client);
	}

	/** The console's socket of an agent signed in with the demo password. */
	static ChatSocket agent(int port, String email) throws Exception {
		var cookies = new CookieManager();
		var http = HttpClient.newBuilder().cookieHandler(cookies).build();
		String login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String form = "username=" + enc(email) + "&password=demo&_csrf=" + enc(WebSession.csrf(login));
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.discarding());
		String cookie = cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		return open(HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", cookie),
				"ws://localhost:" + port + "/chat/agent/ws");
	}

	private static ChatSocket open(WebSocket.Builder builder, String url) {
		var listener = new ChatSocket();
		listener.socket = builder.buildAsync(URI.create(url), listener).join();
		return listener;
	}

	void send(String type, Object... pairs) {
		var frame = new LinkedHashMap<String, Object>();
		frame.put("type", type);
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			frame.put((String) pairs[i], pairs[i + 1]);
		}
		sendRaw(JSON.writeValueAsString(frame));
	}

	void sendRaw(String text) {
		socket.sendText(text, true).join();
	}

	/** The first frame received (so far or within ten seconds) of this type that matches. */
	JsonNode await(String type, Predicate<JsonNode> matching) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			for (JsonNode frame : frames) {
				if (frame.path("type").asString().equals(type) && matching.test(frame)) {
					return frame;
				}
			}
			pause();
		}
		throw new AssertionError("no matching '" + type + "' frame within " + WAIT + "; received " + frames);
	}

	JsonNode await(String type) {
		return await(type, f -> true);
	}

	List<JsonNode> received(String type) {
		return frames.stream().filter(f -> f.path("type").asString().equals(type)).toList();
	}

	boolean isClosed() {
		return socket.isInputClosed();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			frames.add(JSON.readTree(partial.toString()));
			partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
		}
	}

	private static void pause() {
		try {
			// waiting for a network frame from the server, not for time-based logic
			Thread.sleep(20);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
