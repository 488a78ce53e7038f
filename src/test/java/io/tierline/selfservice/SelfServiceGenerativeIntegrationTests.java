package io.tierline.selfservice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generative reply against a stand-in OpenAI-compatible endpoint (a JDK HTTP server on a random
 * port): the request carries the retrieved passages and the reply is used; a slow, failing, uncited or
 * absent endpoint leaves the extractive reply.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelfServiceGenerativeIntegrationTests {

	static final HttpServer SERVER;
	static final AtomicReference<String> LAST_REQUEST = new AtomicReference<>();
	static final AtomicReference<String> REPLY = new AtomicReference<>();
	static final AtomicReference<Integer> DELAY_MS = new AtomicReference<>(0);

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
			try {
				Thread.sleep(DELAY_MS.get());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			byte[] body = JsonMapper.builder().build().writeValueAsString(Map.of("id", "cmpl-1", "object", "chat.completion",
					"choices", java.util.List.of(Map.of("index", 0, "finish_reason", "stop",
							"message", Map.of("role", "assistant", "content", REPLY.get())))))
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		SERVER.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		SERVER.start();
	}

	@DynamicPropertySource
	static void assistant(DynamicPropertyRegistry registry) {
		registry.add("tierline.assistant.base-url", () -> "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/v1");
		registry.add("tierline.assistant.api-key", () -> "test-key");
		registry.add("tierline.assistant.model", () -> "stand-in");
	}

	@AfterAll
	static void stop() {
		SERVER.stop(0);
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		LAST_REQUEST.set(null);
		DELAY_MS.set(0);
		REPLY.set("Follow \"Reset your Acme Cloud password\": choose Forgot password on the sign-in page and use the link within 30 minutes.");
	}

	Api dana() {
		return Api.at(port).as("dana@customer.test");
	}

	JsonNode ask(String text) {
		var response = dana().post("/api/v1/selfservice/sessions", Map.of("text", text + " " + UUID.randomUUID().toString().substring(0, 6)));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("transcript").get(1);
	}

	/** The index follows the demo data within a second or two of the context's start. */
	void awaitDemoArticle() throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until
				&& !dana().get("/api/v1/search?client=acme&type=article&q=reset+password").text().contains("your Acme Cloud")) {
			Thread.sleep(200);
		}
	}

	@Test
	@Order(1)
	void theReplyIsComposedFromTheRetrievedPassagesOnly() throws InterruptedException {
		awaitDemoArticle();
		JsonNode reply = ask("I forgot my password, how do I reset it?");
		assertThat(reply.get("text").asString()).isEqualTo(REPLY.get());
		assertThat(reply.get("answers").get(0).get("title").asString()).isEqualTo("Reset your Acme Cloud password");

		String request = LAST_REQUEST.get();
		assertThat(request).startsWith("Bearer test-key\n");
		JsonNode body = JsonMapper.builder().build().readTree(request.substring(request.indexOf('\n') + 1));
		assertThat(body.get("model").asString()).isEqualTo("stand-in");
		String system = body.get("messages").get(0).get("content").asString();
		String user = body.get("messages").get(1).get("content").asString();
		assertThat(system).contains("ONLY from the help-article passages", "Cite the title");
		assertThat(user).contains("I forgot my password", "\"Reset your Acme Cloud password\"", "Forgot password",
				reply.get("answers").get(0).get("passage").asString());
		assertThat(user).as("nothing internal is sent").doesNotContain("webhook 401", "brand voice", "Macro:");
	}

	@Test
	@Order(2)
	void aReplyThatCitesNoArticleIsNotUsed() throws InterruptedException {
		awaitDemoArticle();
		REPLY.set("Just reinstall everything, that always works.");
		JsonNode reply = ask("I forgot my password, how do I reset it?");
		assertThat(LAST_REQUEST.get()).isNotNull();
		assertThat(reply.get("text").asString()).startsWith("These may solve it");
		assertThat(reply.get("answers")).isNotEmpty();
	}

	@Test
	@Order(3)
	void aSlowEndpointFallsBackToTheExtractiveReplyAfterTwoSeconds() throws InterruptedException {
		awaitDemoArticle();
		DELAY_MS.set(5_000);
		long started = System.nanoTime();
		JsonNode reply = ask("I forgot my password, how do I reset it?");
		long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(reply.get("text").asString()).startsWith("These may solve it");
		assertThat(reply.get("answers").get(0).get("title").asString()).isEqualTo("Reset your Acme Cloud password");
		assertThat(tookMs).isBetween(1_900L, 4_500L);
	}

	@Test
	@Order(4)
	void nothingFoundAsksNoModel() {
		JsonNode reply = ask("zqxvbnmwk flurble");
		assertThat(reply.get("answers")).isEmpty();
		assertThat(reply.get("text").asString()).startsWith("I found nothing");
		assertThat(LAST_REQUEST.get()).isNull();
	}

	@Test
	@Order(5)
	void withTheEndpointDownTheExtractiveReplyIsReturned() throws InterruptedException {
		awaitDemoArticle();
		SERVER.stop(0);
		JsonNode reply = ask("I forgot my password, how do I reset it?");
		assertThat(reply.get("text").asString()).startsWith("These may solve it");
		assertThat(reply.get("answers").get(0).get("url").asString()).startsWith("/help/");
	}
}
