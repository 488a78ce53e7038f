package io.tierline.ticket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TicketApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api t1;
	Api dana;

	@BeforeEach
	void setUp() {
		t1 = Api.at(port).as("t1@northwind.test");
		dana = Api.at(port).as("dana@customer.test");
	}

	static Map<String, Object> newTicket(String subject) {
		return Map.of("client", "acme", "requester", Map.of("email", "dana@customer.test", "name", "Dana"), "subject", subject,
				"description", "It loops back to the sign-in page.", "channel", "EMAIL", "severity", "P2", "category", "authentication");
	}

	JsonNode open(String subject) {
		var response = t1.post("/api/v1/tickets", newTicket(subject));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	@Test
	void opensATicketWithItsNumberAndLocation() {
		var response = t1.post("/api/v1/tickets", newTicket("SSO login loops " + UUID.randomUUID()));
		assertThat(response.status()).isEqualTo(201);
		JsonNode ticket = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/v1/tickets/" + ticket.get("id").asLong());
		assertThat(ticket.get("number").asString()).matches("ACME-\\d+");
		assertThat(ticket.get("client").asString()).isEqualTo("acme");
		assertThat(ticket.get("status").asString()).isEqualTo("NEW");
		assertThat(ticket.get("tier").asString()).isEqualTo("T1");
		assertThat(ticket.get("severity").asString()).isEqualTo("P2");
		assertThat(ticket.get("channel").asString()).isEqualTo("EMAIL");
		assertThat(ticket.get("category").asString()).isEqualTo("authentication");
		assertThat(ticket.get("assignee").isNull()).isTrue();
		assertThat(ticket.has("createdAt")).isTrue();
		assertThat(ticket.has("updatedAt")).isTrue();
	}

	@Test
	void keepsTheProductAndTheClientsCustomFields() {
		var body = new java.util.HashMap<String, Object>(newTicket("custom " + UUID.randomUUID()));
		body.put("product", "acme-cloud");
		body.put("customFields", Map.of("accountId", "AC-991", "seats", 40, "trial", false));
		var response = t1.post("/api/v1/tickets", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.json().get("product").asString()).isEqualTo("acme-cloud");
		JsonNode fields = t1.get("/api/v1/tickets/" + response.json().get("id").asLong()).json().get("customFields");
		assertThat(fields.get("accountId").asString()).isEqualTo("AC-991");
		assertThat(fields.get("seats").asInt()).isEqualTo(40);
	}

	@Test
	void refusesAnUnknownProductAndNestedCustomFields() {
		var body = new java.util.HashMap<String, Object>(newTicket("bad custom " + UUID.randomUUID()));
		body.put("product", "globex-pos");
		body.put("customFields", Map.of("nested", Map.of("a", 1)));
		var response = t1.post("/api/v1/tickets", body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("product", "customFields.nested");
	}

	@Test
	void findsATicketByItsNumber() {
		JsonNode ticket = open("By number " + UUID.randomUUID());
		var byNumber = t1.get("/api/v1/tickets/" + ticket.get("number").asString());
		assertThat(byNumber.status()).isEqualTo(200);
		assertThat(byNumber.json().get("id").asLong()).isEqualTo(ticket.get("id").asLong());
	}

	@Test
	void numbersTicketsPerClient() {
		JsonNode a = open("numbering a " + UUID.randomUUID());
		JsonNode b = open("numbering b " + UUID.randomUUID());
		long na = Long.parseLong(a.get("number").asString().substring(5));
		long nb = Long.parseLong(b.get("number").asString().substring(5));
		assertThat(nb).isGreaterThan(na);
	}

	@Test
	void reportsEveryBadFieldByName() {
		var response = t1.post("/api/v1/tickets", Map.of("client", "acme", "subject", " ", "channel", "FAX", "severity", "P9",
				"category", "nope", "requester", Map.of("email", "not-an-address")));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("subject", "channel", "severity", "category", "requester.email");
	}

	@Test
	void refusesMalformedJsonAsAProblem() {
		var response = t1.postRaw("/api/v1/tickets", "application/json", "{\"client\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("title").asString()).isEqualTo("Malformed request body");
	}

	@Test
	void writesNothingWhenTheInputIsBad() {
		String subject = "never stored " + UUID.randomUUID();
		var body = new java.util.HashMap<>(newTicket(subject));
		body.put("severity", "P0");
		assertThat(t1.post("/api/v1/tickets", body).status()).isEqualTo(422);
		assertThat(jdbc.sql("select count(*) from tickets where subject = ?").param(subject).query(Long.class).single()).isZero();
	}

	@Test
	void treatsAClientOutsideTheCallersReachAsUnknown() {
		var response = Api.at(port).as("t2-acme@northwind.test").post("/api/v1/tickets",
				Map.of("client", "globex", "subject", "x", "requester", Map.of("email", "a@b.test")));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("client");
	}

	@Test
	void returnsTheSameTicketForARetriedIdempotencyKey() {
		String key = UUID.randomUUID().toString();
		var body = newTicket("idempotent " + key);
		var first = t1.post("/api/v1/tickets", body, "Idempotency-Key", key);
		var retry = t1.post("/api/v1/tickets", body, "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
	}

	@Test
	void refusesAnIdempotencyKeyReusedForAnotherRequest() {
		String key = UUID.randomUUID().toString();
		t1.post("/api/v1/tickets", newTicket("first " + key), "Idempotency-Key", key);
		var other = t1.post("/api/v1/tickets", newTicket("second " + key), "Idempotency-Key", key);
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
	}

	@Test
	void concurrentRetriesWithOneKeyOpenOneTicket() throws Exception {
		String key = UUID.randomUUID().toString();
		String subject = "concurrent " + key;
		List<Callable<Api.Response>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add(() -> t1.post("/api/v1/tickets", newTicket(subject), "Idempotency-Key", key));
		}
		var pool = Executors.newFixedThreadPool(8);
		Set<Long> ids = new HashSet<>();
		for (var future : pool.invokeAll(calls)) {
			var response = future.get();
			assertThat(response.status()).as(response.text()).isIn(200, 201);
			ids.add(response.json().get("id").asLong());
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
		assertThat(jdbc.sql("select count(*) from tickets where subject = ?").param(subject).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void pagesThroughTheQueueWithoutRepeatsOrGaps() {
		Set<Long> seen = new HashSet<>();
		String cursor = null;
		int pages = 0;
		do {
			var page = t1.get("/api/v1/tickets?client=acme&limit=7" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			for (JsonNode item : page.get("items")) {
				assertThat(seen.add(item.get("id").asLong())).as("ticket listed twice").isTrue();
			}
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(seen).hasSizeGreaterThanOrEqualTo(7 * Math.min(pages - 1, 9));
		assertThat(pages).isGreaterThan(1);
	}

	@Test
	void refusesAnInvalidCursorOrLimit() {
		assertThat(t1.get("/api/v1/tickets?cursor=garbage!").json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
		assertThat(t1.get("/api/v1/tickets?limit=0").json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
	}

	@Test
	void filtersByStatusTierAndText() {
		// a letter first: an all-digit text is looked up as a ticket number, not in subjects
		String tag = "f" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode ticket = open("filterable " + tag);
		var found = t1.get("/api/v1/tickets?client=acme&status=NEW&tier=T1&q=" + tag).json().get("items");
		assertThat(found).extracting(n -> n.get("id").asLong()).containsExactly(ticket.get("id").asLong());
		assertThat(t1.get("/api/v1/tickets?status=SOLVED&q=" + tag).json().get("items")).isEmpty();
	}

	@Test
	void changesStatusSeverityAssigneeAndRecordsEachAsAnEvent() {
		JsonNode ticket = open("patch me " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong();
		var patched = t1.patch(path, Map.of("status", "OPEN", "severity", "P1", "assignee", "t1@northwind.test", "tags", List.of("vip", "sso")));
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(patched.json().get("severity").asString()).isEqualTo("P1");
		assertThat(patched.json().get("assignee").asString()).isEqualTo("t1@northwind.test");
		List<String> tags = new ArrayList<>();
		patched.json().get("tags").forEach(t -> tags.add(t.asString()));
		assertThat(tags).containsExactly("sso", "vip");
		List<String> types = new ArrayList<>();
		t1.get(path + "/events").json().forEach(e -> types.add(e.get("type").asString()));
		assertThat(types).contains("CREATED", "MESSAGE", "STATUS", "SEVERITY_CHANGED", "ASSIGNED", "TAGS_CHANGED");
	}

	@Test
	void unassignsWithAnExplicitNull() {
		JsonNode ticket = open("unassign " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong();
		t1.patch(path, Map.of("assignee", "t1@northwind.test"));
		var body = new java.util.HashMap<String, Object>();
		body.put("assignee", null);
		assertThat(t1.patch(path, body).json().get("assignee").isNull()).isTrue();
	}

	@Test
	void refusesAnAssigneeWhoCannotWorkTheTicket() {
		JsonNode ticket = open("bad assignee " + UUID.randomUUID());
		var response = t1.patch("/api/v1/tickets/" + ticket.get("id").asLong(), Map.of("assignee", "shadow@northwind.test"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("assignee");
	}

	@Test
	void refusesAnImpossibleTransitionAsAConflict() {
		JsonNode ticket = open("closing " + UUID.randomUUID());
		var response = t1.patch("/api/v1/tickets/" + ticket.get("id").asLong(), Map.of("status", "CLOSED"));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	@Test
	void refusesUnknownPatchFields() {
		JsonNode ticket = open("unknown field " + UUID.randomUUID());
		var response = t1.patch("/api/v1/tickets/" + ticket.get("id").asLong(), Map.of("subject", "renamed"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");
	}

	@Test
	void aRequesterOpensTheirOwnTicketWithoutNamingThemselves() {
		var response = dana.post("/api/v1/tickets", Map.of("client", "acme", "subject", "From the portal API " + UUID.randomUUID(),
				"description", "Please help"));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.json().get("requester").get("email").asString()).isEqualTo("dana@customer.test");
		assertThat(response.json().get("channel").asString()).isEqualTo("API");
	}

	@Test
	void aRequesterCannotWriteInternalNotesOrChangeFields() {
		JsonNode ticket = open("requester limits " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong();
		assertThat(dana.post(path + "/messages", Map.of("body", "x", "visibility", "INTERNAL")).status()).isEqualTo(403);
		assertThat(dana.patch(path, Map.of("status", "SOLVED")).status()).isEqualTo(403);
		assertThat(dana.get(path + "/events").status()).isEqualTo(403);
	}

	@Test
	void createsTheRequesterOnFirstContact() {
		String email = "first-" + UUID.randomUUID() + "@newco.test";
		var response = t1.post("/api/v1/tickets", Map.of("client", "acme", "subject", "hello", "requester", Map.of("email", email, "name", "First Timer")));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("requester").get("name").asString()).isEqualTo("First Timer");
	}
}
