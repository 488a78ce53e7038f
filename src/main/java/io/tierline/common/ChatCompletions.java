package io.tierline.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable OpenAI-compatible chat-completions endpoint ({@code tierline.assistant.base-url},
 * {@code api-key}, {@code model}, {@code timeout}; an empty base URL turns every generative feature
 * off — the default). One system and one user message in, the first choice's text out; any failure
 * (off, an error status, a timeout, an unreadable or empty answer) is {@link Optional#empty()} and
 * logged, so a caller always has its non-generative answer to fall back on.
 */
@Component
public class ChatCompletions {

	private static final Logger log = LoggerFactory.getLogger(ChatCompletions.class);

	private final String baseUrl;
	private final String apiKey;
	private final String model;
	private final Duration timeout;
	private final JsonMapper json;
	private final HttpClient http;

	ChatCompletions(@Value("${tierline.assistant.base-url:}") String baseUrl, @Value("${tierline.assistant.api-key:}") String apiKey,
			@Value("${tierline.assistant.model:gpt-4o-mini}") String model,
			@Value("${tierline.assistant.timeout:PT2S}") Duration timeout, JsonMapper json) {
		this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
		this.apiKey = apiKey;
		this.model = model;
		this.timeout = timeout;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public boolean enabled() {
		return !baseUrl.isEmpty();
	}

	/** @param timeout how long this call may take (a draft for an agent may wait longer than a requester's chat answer) */
	public Optional<String> complete(String system, String user, int maxTokens, Duration timeout) {
		if (!enabled()) {
			return Optional.empty();
		}
		try {
			var request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(system, user, maxTokens))));
			if (apiKey != null && !apiKey.isBlank()) {
				request.header("Authorization", "Bearer " + apiKey.strip());
			}
			HttpResponse<String> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (response.statusCode() / 100 != 2) {
				log.warn("Chat-completions endpoint answered {}", response.statusCode());
				return Optional.empty();
			}
			JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
			String text = content.isString() ? content.asString().strip() : "";
			return text.isEmpty() ? Optional.empty() : Optional.of(text);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (Exception e) {
			log.warn("Chat-completions endpoint failed ({})", e.toString());
			return Optional.empty();
		}
	}

	/** With the configured timeout ({@code tierline.assistant.timeout}, 2 s by default). */
	public Optional<String> complete(String system, String user, int maxTokens) {
		return complete(system, user, maxTokens, timeout);
	}

	private Map<String, Object> body(String system, String user, int maxTokens) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", model);
		body.put("messages", List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)));
		body.put("temperature", 0);
		body.put("max_tokens", maxTokens);
		return body;
	}
}
