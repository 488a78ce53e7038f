package io.tierline.assist;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generative draft reply against a stand-in OpenAI-compatible endpoint (a JDK HTTP server on a
 * random port): what the model is sent (the public thread, never internal notes), the draft landing
 * in the reply box unsent, and a failing endpoint answered 502.
 */
@IntegrationTest
class AssistDraftIntegrationTests {

	static final HttpServer SERVER;
	static final AtomicReference<String> LAST_REQUEST = new AtomicReference<>();
	static final AtomicReference<String> REPLY = new AtomicReference<>();

	static {
		try {
			SERVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		SERVER.createContext("/v1/chat/completions", exchange -> {
			LAST_REQUEST.set(exchange.getRequestHeaders().getFirst("Authorization") + "\n"
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			String reply = REPLY.get();
			byte[] body = reply == null ? "{\"error\":\"overloaded\"}".getBytes(StandardCharsets.UTF_8)
					: JsonMapper.builder().build().writeValueAsString(Map.of("id", "cmpl-1", "object", "chat.completion", "choices",
							List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", reply)))))
						.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(reply == null ? 503 : 200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		SERVER.start();
	}

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("tierline.assistant.base-url", () -> "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/v1");
		registry.add("tierline.assistant.api-key", () -> "draft-key");
		registry.add("tierline.assistant.model", () -> "stand-in");
	}

	@AfterAll
	static void stop() {
		SERVER.stop(0);
	}

	@LocalServerPort
	int port;

	Api t2;

	@BeforeEach
	void setUp() {
		t2 = Api.at(port).as("t2@northwind.test");
	}

	long ticket(String marker) {
		var opened = t2.post("/api/v1/tickets", Map.of("client", "acme", "requester", Map.of("email", "dana@customer.test", "name", "Dana"),
				"subject", "Export stuck " + marker, "description", "The CSV export stops at 99 percent. " + marker, "tier", "T2"));
		assertThat(opened.status()).as(opened.text()).isEqualTo(201);
		long id = opened.json().get("id").asLong();
		t2.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "internal-only hunch " + marker, "visibility", "INTERNAL"));
		return id;
	}

	@Test
	void theDraftIsWrittenFromThePublicThreadAndLandsInTheReplyBoxUnsent() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		long id = ticket(marker);
		REPLY.set("Hello Dana, please split the export by month while we look into it.");
		assertThat(t2.get("/api/v1/tickets/" + id + "/assist").json().get("draftReplyAvailable").asBoolean()).isTrue();

		var draft = t2.post("/api/v1/tickets/" + id + "/assist/draft-reply", Map.of());

		assertThat(draft.status()).as(draft.text()).isEqualTo(200);
		assertThat(draft.json().get("text").asString()).isEqualTo(REPLY.get());
		String sent = LAST_REQUEST.get();
		assertThat(sent).startsWith("Bearer draft-key\n").contains("\"model\":\"stand-in\"").contains("CSV export stops at 99 percent")
			.doesNotContain("internal-only hunch");
		int messagesBefore = t2.get("/api/v1/tickets/" + id + "/messages").json().size();

		// using it puts it in the reply box of the ticket page; nothing is sent
		var session = WebSession.signedIn(port, "t2@northwind.test");
		String number = t2.get("/api/v1/tickets/" + id).json().get("number").asString();
		var used = session.submit("/tickets/" + number, "/assist/suggestions/" + draft.json().get("suggestionId").asLong() + "/use", "");
		assertThat(used.statusCode()).isEqualTo(302);
		String page = session.get(java.net.URI.create(used.headers().firstValue("Location").orElseThrow()).getPath()).body();
		assertThat(page).contains("please split the export by month while we look into it.</textarea>");
		assertThat(t2.get("/api/v1/tickets/" + id + "/messages").json().size()).isEqualTo(messagesBefore);
	}

	@Test
	void aFailingEndpointIsABadGatewayNotAnEmptyDraft() {
		long id = ticket(UUID.randomUUID().toString().substring(0, 8));
		REPLY.set(null);

		var draft = t2.post("/api/v1/tickets/" + id + "/assist/draft-reply", Map.of());

		assertThat(draft.status()).isEqualTo(502);
		assertThat(draft.header("Content-Type")).contains("application/problem+json");
	}
}
