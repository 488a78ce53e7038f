package io.tierline.escalation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The known-issue library's API: CRUD, validation, who may read and who may change, audit. */
@IntegrationTest
class KnownIssueApiIntegrationTests {

	static final String ISSUES = "/api/v1/known-issues";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api t2;

	@BeforeEach
	void setUp() {
		t2 = as("t2@northwind.test");
	}

	Api as(String email) {
		return Api.at(port).as(email);
	}

	static Map<String, String> literal(String pattern) {
		return Map.of("kind", "LITERAL", "pattern", pattern);
	}

	static Map<String, String> regex(String pattern) {
		return Map.of("kind", "REGEX", "pattern", pattern);
	}

	/** An acme issue with the given signatures. */
	static Map<String, Object> issue(String title, List<Map<String, String>> signatures) {
		Map<String, Object> body = new HashMap<>();
		body.put("client", "acme");
		body.put("title", title);
		body.put("symptoms", "Users are sent back to the sign-in page.");
		body.put("workaround", "Clear the session cookie and sign in again.");
		body.put("signatures", signatures);
		return body;
	}

	static JsonNode create(Api as, Map<String, Object> body) {
		var response = as.post(ISSUES, body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	static List<String> fields(Api.Response response) {
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	static JsonNode openTicket(Api as, String client, String subject, String description, String tier) {
		Map<String, Object> body = new HashMap<>();
		body.put("client", client);
		body.put("requester", Map.of("email", client.equals("acme") ? "dana@customer.test" : "sam@shopper.test", "name", "Req"));
		body.put("subject", subject);
		body.put("description", description);
		body.put("tier", tier);
		var response = as.post("/api/v1/tickets", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	@Test
	void createsReadsUpdatesAndDeletesAKnownIssue() {
		String token = UUID.randomUUID().toString();
		var created = t2.post(ISSUES, issue("SSO loop " + token, List.of(literal("SAML-" + token), regex("E\\d{4}"))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode issue = created.json();
		long id = issue.get("id").asLong();
		assertThat(created.header("Location")).isEqualTo(ISSUES + "/" + id);
		assertThat(issue.get("client").asString()).isEqualTo("acme");
		assertThat(issue.get("status").asString()).isEqualTo("OPEN");
		assertThat(issue.get("linkedCount").asInt()).isZero();
		assertThat(issue.get("createdBy").asString()).isEqualTo("t2@northwind.test");
		assertThat(issue.get("signatures").findValuesAsString("kind")).containsExactly("LITERAL", "REGEX");

		JsonNode read = t2.get(ISSUES + "/" + id).json();
		assertThat(read.get("title").asString()).isEqualTo("SSO loop " + token);
		assertThat(read.get("workaround").asString()).contains("session cookie");

		Map<String, Object> change = issue("SSO loop (fix planned) " + token, List.of(literal("SAML-" + token)));
		change.put("status", "FIX_SCHEDULED");
		change.put("fixedInVersion", "4.8.0");
		change.put("product", "acme-cloud");
		var updated = t2.put(ISSUES + "/" + id, change);
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(updated.json().get("status").asString()).isEqualTo("FIX_SCHEDULED");
		assertThat(updated.json().get("product").asString()).isEqualTo("acme-cloud");
		assertThat(updated.json().get("signatures")).hasSize(1);

		assertThat(as("admin@acme.test").delete(ISSUES + "/" + id).status()).isEqualTo(204);
		assertThat(t2.get(ISSUES + "/" + id).status()).isEqualTo(404);
	}

	@Test
	void refusesInvalidInputNamingEveryField() {
		Map<String, Object> bad = issue(" ", List.of(regex("(unclosed"), literal("ab"), regex("a*")));
		bad.put("status", "BROKEN");
		bad.put("product", "no-such-product");
		var response = t2.post(ISSUES, bad);
		assertThat(response.status()).isEqualTo(422);
		assertThat(fields(response)).contains("title", "status", "product", "signatures[0].pattern", "signatures[1].pattern",
				"signatures[2].pattern");
		assertThat(response.text()).contains("not a valid regular expression", "must not match empty text");
	}

	@Test
	void aFixedIssueNamesTheVersionThatFixedIt() {
		Map<String, Object> fixed = issue("fixed " + UUID.randomUUID(), List.of());
		fixed.put("status", "FIXED");
		var response = t2.post(ISSUES, fixed);
		assertThat(response.status()).isEqualTo(422);
		assertThat(fields(response)).containsExactly("fixedInVersion");

		long id = create(t2, issue("to fix " + UUID.randomUUID(), List.of())).get("id").asLong();
		Map<String, Object> change = issue("to fix", List.of());
		change.put("status", "FIXED");
		var update = t2.put(ISSUES + "/" + id, change);
		assertThat(update.status()).isEqualTo(422);
		assertThat(fields(update)).containsExactly("fixedInVersion");
		change.put("client", "globex");
		assertThat(fields(t2.put(ISSUES + "/" + id, change))).contains("client", "fixedInVersion");
	}

	@Test
	void refusesAnUnknownClientAndOneTheCallerDoesNotWorkFor() {
		assertThat(fields(t2.post(ISSUES, Map.of("title", "no client")))).contains("client");
		var response = as("t2-acme@northwind.test").post(ISSUES, Map.of("client", "globex", "title", "not theirs"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("unknown client");
	}

	@Test
	void listsByClientStatusAndTextInKeysetPages() {
		String token = "list" + UUID.randomUUID().toString().replace("-", "");
		long first = create(t2, issue("first " + token, List.of())).get("id").asLong();
		create(t2, issue("second " + token, List.of()));
		Map<String, Object> third = issue("third", List.of(literal("code-" + token)));
		third.put("status", "FIX_SCHEDULED");
		create(t2, third);

		JsonNode page = t2.get(ISSUES + "?client=acme&q=" + token + "&limit=2").json();
		assertThat(page.get("items")).hasSize(2);
		assertThat(page.get("items").findValuesAsString("title")).containsExactly("third", "second " + token);
		JsonNode next = t2.get(ISSUES + "?client=acme&q=" + token + "&limit=2&cursor=" + page.get("nextCursor").asString()).json();
		assertThat(next.get("items").findValuesAsString("title")).containsExactly("first " + token);
		assertThat(next.get("nextCursor").isNull()).isTrue();
		assertThat(next.get("items").get(0).get("id").asLong()).isEqualTo(first);

		JsonNode scheduled = t2.get(ISSUES + "?q=" + token + "&status=FIX_SCHEDULED").json();
		assertThat(scheduled.get("items").findValuesAsString("title")).containsExactly("third");
		assertThat(t2.get(ISSUES + "?status=SOMETIMES").status()).isEqualTo(422);
		assertThat(t2.get(ISSUES + "?client=acme&q=" + token).json().get("items")).hasSize(3);
		assertThat(t2.get(ISSUES + "?client=globex&q=" + token).json().get("items")).isEmpty();
	}

	@Test
	void theClientsStaffReadAndNobodyElseKnowsTheIssueExists() {
		String token = "who" + UUID.randomUUID().toString().replace("-", "");
		long id = create(t2, issue("visibility " + token, List.of())).get("id").asLong();
		for (String reader : List.of("t1@northwind.test", "t2-acme@northwind.test", "shadow@northwind.test",
				"supervised@northwind.test", "eng@acme.test", "admin@acme.test", "auditor@acme.test", "admin@northwind.test",
				"lead@northwind.test")) {
			assertThat(as(reader).get(ISSUES + "/" + id).status()).as(reader).isEqualTo(200);
			assertThat(as(reader).get(ISSUES + "?q=" + token).json().get("items")).as(reader).hasSize(1);
		}
		for (String stranger : List.of("dana@customer.test", "admin@globex.test", "sam@shopper.test")) {
			var response = as(stranger).get(ISSUES + "/" + id);
			assertThat(response.status()).as(stranger).isEqualTo(404);
			assertThat(response.json().get("detail").asString()).isEqualTo("Known issue " + id + " not found");
			assertThat(as(stranger).put(ISSUES + "/" + id, issue("x", List.of())).status()).as(stranger).isEqualTo(404);
			assertThat(as(stranger).delete(ISSUES + "/" + id).status()).as(stranger).isEqualTo(404);
			assertThat(as(stranger).get(ISSUES + "?q=" + token).json().get("items")).as(stranger).isEmpty();
		}
		assertThat(t2.get(ISSUES + "/999999999").json().get("detail").asString()).isEqualTo("Known issue 999999999 not found");
	}

	@Test
	void onlyDiagnosingTiersAndAdminsChangeAnIssue() {
		long id = create(t2, issue("rights " + UUID.randomUUID(), List.of())).get("id").asLong();
		Map<String, String> refusals = Map.of("t1@northwind.test", "T2 and T3", "supervised@northwind.test", "T2 and T3",
				"shadow@northwind.test", "SHADOW", "auditor@acme.test", "read-only");
		refusals.forEach((who, reason) -> {
			var response = as(who).put(ISSUES + "/" + id, issue("changed by " + who, List.of()));
			assertThat(response.status()).as(who).isEqualTo(403);
			assertThat(response.json().get("detail").asString()).as(who).contains(reason);
			assertThat(as(who).post(ISSUES, issue("new by " + who, List.of())).status()).as(who).isEqualTo(403);
		});
		for (String editor : List.of("eng@acme.test", "t2-acme@northwind.test", "admin@acme.test", "admin@northwind.test")) {
			var response = as(editor).put(ISSUES + "/" + id, issue("changed by " + editor, List.of()));
			assertThat(response.status()).as(editor + ": " + response.text()).isEqualTo(200);
		}
		var notAdmin = t2.delete(ISSUES + "/" + id);
		assertThat(notAdmin.status()).isEqualTo(403);
		assertThat(notAdmin.json().get("detail").asString()).contains("admin");
		assertThat(as("admin@northwind.test").delete(ISSUES + "/" + id).status()).isEqualTo(204);
	}

	@Test
	void refusesToDeleteWhileTicketsAreLinked() {
		long id = create(t2, issue("linked " + UUID.randomUUID(), List.of())).get("id").asLong();
		String ticket = openTicket(t2, "acme", "delete guard " + UUID.randomUUID(), "text", "T1").get("number").asString();
		assertThat(t2.post(ISSUES + "/" + id + "/links", Map.of("ticket", ticket)).status()).isEqualTo(201);
		var refused = as("admin@acme.test").delete(ISSUES + "/" + id);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("linkedCount");
		assertThat(t2.delete(ISSUES + "/" + id + "/links/" + ticket).status()).isEqualTo(204);
		assertThat(as("admin@acme.test").delete(ISSUES + "/" + id).status()).isEqualTo(204);
	}

	@Test
	void auditsEveryChange() {
		long id = create(t2, issue("audited " + UUID.randomUUID(), List.of())).get("id").asLong();
		Map<String, Object> change = issue("audited, fixed", List.of());
		change.put("status", "FIXED");
		change.put("fixedInVersion", "4.7.3");
		t2.put(ISSUES + "/" + id, change);
		as("admin@acme.test").delete(ISSUES + "/" + id);
		List<Map<String, Object>> entries = jdbc.sql("select action, actor, before_state, after_state from audit_log where target = ? order by id")
			.param("known-issue/" + id).query().listOfRows();
		assertThat(entries).extracting(e -> e.get("action"))
			.containsExactly("KNOWN_ISSUE_CREATED", "KNOWN_ISSUE_UPDATED", "KNOWN_ISSUE_DELETED");
		assertThat(entries).extracting(e -> e.get("actor"))
			.containsExactly("t2@northwind.test", "t2@northwind.test", "admin@acme.test");
		assertThat((String) entries.get(1).get("before_state")).contains("\"status\":\"OPEN\"");
		assertThat((String) entries.get(1).get("after_state")).contains("\"status\":\"FIXED\"", "4.7.3");
	}

	@Test
	void answersMalformedRequestsWithProblemDetails() {
		assertThat(t2.get(ISSUES + "/not-a-number").status()).isEqualTo(422);
		assertThat(t2.postRaw(ISSUES, "application/json", "{\"title\": [1,2]}").status()).isEqualTo(400);
		assertThat(t2.get(ISSUES + "?cursor=nonsense").status()).isEqualTo(422);
		assertThat(t2.get(ISSUES + "?limit=0").status()).isEqualTo(422);
	}
}
