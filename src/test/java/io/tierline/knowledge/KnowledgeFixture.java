package io.tierline.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tierline.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Articles, trees, macros and tickets for the knowledge tests, made through the API. */
final class KnowledgeFixture {

	static final String ARTICLES = "/api/v1/articles";

	private KnowledgeFixture() {
	}

	static Map<String, Object> article(String client, String kind, String audience, String title, String body) {
		Map<String, Object> a = new HashMap<>();
		a.put("client", client);
		a.put("kind", kind);
		a.put("audience", audience);
		a.put("title", title);
		a.put("body", body);
		return a;
	}

	static JsonNode create(Api as, Map<String, Object> body) {
		var response = as.post(ARTICLES, body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	/** Drafted by {@code author}, published by the client's reviewer. */
	static long published(Api author, Api reviewer, Map<String, Object> body) {
		long id = create(author, body).get("id").asLong();
		var published = reviewer.post(ARTICLES + "/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.text()).isEqualTo(200);
		return id;
	}

	static Map<String, Object> node(String id, String text, String captureKey, List<Map<String, Object>> answers) {
		Map<String, Object> n = new HashMap<>();
		n.put("id", id);
		n.put("text", text);
		n.put("captureKey", captureKey);
		n.put("answers", answers);
		return n;
	}

	static Map<String, Object> answer(String label, String outcome, String next, Long article, String text) {
		Map<String, Object> a = new HashMap<>();
		a.put("label", label);
		a.put("outcome", outcome);
		a.put("next", next);
		a.put("article", article);
		a.put("text", text);
		return a;
	}

	/** Which browser? → (Other) → Does a private window work? → No: escalate; Yes: clear cookies. */
	static Map<String, Object> loginTree(String client, String title) {
		var tree = Map.of("start", "browser", "nodes", List.of(
				node("browser", "Which browser do you use?", "browser", List.of(
						answer("Chrome", "NODE", "private", null, null),
						answer("Firefox", "NODE", "private", null, null))),
				node("private", "Does signing in work in a private window?", null, List.of(
						answer("Yes", "RESOLUTION", null, null, "Clear the cookies of the sign-in site."),
						answer("No", "ESCALATION", null, null, "Login loop outside the browser's cache")))));
		var body = article(client, "DIAGNOSTIC_TREE", "PUBLIC", title, "Walk through a login loop.");
		body.put("tree", tree);
		return body;
	}

	static JsonNode openTicket(Api as, String client, String subject) {
		Map<String, Object> body = new HashMap<>();
		body.put("client", client);
		body.put("requester", Map.of("email", client.equals("acme") ? "dana@customer.test" : "sam@shopper.test", "name", "Req"));
		body.put("subject", subject);
		body.put("description", "It does not work.");
		body.put("tier", "T1");
		var response = as.post("/api/v1/tickets", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	static List<JsonNode> events(Api as, String ticket, String type) {
		var response = as.get("/api/v1/tickets/" + ticket + "/events");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<JsonNode> found = new java.util.ArrayList<>();
		response.json().forEach(e -> {
			if (e.get("type").asString().equals(type)) {
				found.add(e);
			}
		});
		return found;
	}

	static List<String> fields(Api.Response response) {
		List<String> fields = new java.util.ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}
}
