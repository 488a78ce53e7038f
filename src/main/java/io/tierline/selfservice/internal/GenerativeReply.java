package io.tierline.selfservice.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.selfservice.SuggestedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Optional: the assistant's reply composed by an OpenAI-compatible chat-completions endpoint
 * ({@code tierline.assistant.base-url}, {@code api-key}, {@code model}; an empty base URL turns it
 * off) from the retrieved passages <em>only</em>. The model sees the requester's question and the
 * public passages the search found, nothing else; its reply must cite at least one of the article
 * titles. Anything else — off, no passages, an error, a timeout ({@code tierline.assistant.timeout},
 * 2 s), an empty or uncited reply — is {@link Optional#empty()}, and the extractive reply stands.
 * The self-service is for requesters only, so staff and T3 never get here.
 */
@Component
class GenerativeReply {

	private static final Logger log = LoggerFactory.getLogger(GenerativeReply.class);
	static final String SYSTEM = """
			You are a support assistant answering a customer of this help desk. Answer ONLY from the help-article \
			passages given below; never add steps, facts or links that are not in them. Cite the title of every article \
			you use in double quotes, e.g. "Reset your password". If the passages do not answer the question, say so in \
			one sentence and suggest asking for help. Answer in at most 120 words, plain text, no Markdown.""";

	private final String baseUrl;
	private final String apiKey;
	private final String model;
	private final Duration timeout;
	private final JsonMapper json;
	private final HttpClient http;

	GenerativeReply(@Value("${tierline.assistant.base-url:}") String baseUrl, @Value("${tierline.assistant.api-key:}") String apiKey,
			@Value("${tierline.assistant.model:gpt-4o-mini}") String model,
			@Value("${tierline.assistant.timeout:PT2S}") Duration timeout, JsonMapper json) {
		this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
		this.apiKey = apiKey;
		this.model = model;
		this.timeout = timeout;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	boolean enabled() {
		return !baseUrl.isEmpty();
	}

	/** The composed reply, or empty when off or anything goes wrong (the caller then answers extractively). */
	Optional<String> compose(String question, List<SuggestedAnswer> passages) {
		if (!enabled() || passages.isEmpty()) {
			return Optional.empty();
		}
		try {
			var request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(question, passages))));
			if (apiKey != null && !apiKey.isBlank()) {
				request.header("Authorization", "Bearer " + apiKey.strip());
			}
			HttpResponse<String> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
				.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			if (response.statusCode() / 100 != 2) {
				log.warn("Assistant endpoint answered {}; using the extractive reply", response.statusCode());
				return Optional.empty();
			}
			JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
			String text = content.isString() ? content.asString().strip() : "";
			if (text.isEmpty() || passages.stream().noneMatch(p -> text.contains(p.title()))) {
				log.warn("Assistant reply was empty or cited no article title; using the extractive reply");
				return Optional.empty();
			}
			return Optional.of(text.length() > 2000 ? text.substring(0, 2000) : text);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (Exception e) {
			log.warn("Assistant endpoint failed ({}); using the extractive reply", e.toString());
			return Optional.empty();
		}
	}

	private Map<String, Object> body(String question, List<SuggestedAnswer> passages) {
		var context = new StringBuilder("Question from the customer:\n").append(question).append("\n\nHelp-article passages:\n");
		int n = 1;
		for (SuggestedAnswer p : passages) {
			context.append('\n').append('[').append(n++).append("] \"").append(p.title()).append("\" (").append(p.url()).append(")\n")
				.append(p.passage()).append('\n');
		}
		List<Map<String, String>> messages = new ArrayList<>();
		messages.add(Map.of("role", "system", "content", SYSTEM));
		messages.add(Map.of("role", "user", "content", context.toString()));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", model);
		body.put("messages", messages);
		body.put("temperature", 0);
		body.put("max_tokens", 300);
		return body;
	}
}
