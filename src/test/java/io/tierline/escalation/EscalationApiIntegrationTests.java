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

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §3 escalation through the real HTTP API, with the demo rules of acme and globex. */
@IntegrationTest
class EscalationApiIntegrationTests {

	@LocalServerPort
	int port;

	Api t1;
	Api t2;
	Api eng;

	@BeforeEach
	void setUp() {
		t1 = as("t1@northwind.test");
		t2 = as("t2@northwind.test");
		eng = as("eng@acme.test");
	}

	Api as(String email) {
		return Api.at(port).as(email);
	}

	long open(String client, String category, String severity) {
		var response = t1.post("/api/v1/tickets", Map.of("client", client, "requester",
				Map.of("email", client.equals("acme") ? "dana@customer.test" : "sam@shopper.test"), "subject",
				"Escalation test " + UUID.randomUUID(), "description", "SAML error after the IdP rotated its certificate",
				"severity", severity, "category", category));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	static Map<String, Object> escalation(String toTier, String criterion, Map<String, Object> environment) {
		Map<String, Object> body = new HashMap<>();
		body.put("toTier", toTier);
		body.put("criterion", criterion);
		body.put("stepsAttempted", List.of("Cleared the session", "Tried another browser"));
		body.put("environment", environment);
		body.put("errorMessages", "SAMLResponse signature invalid");
		body.put("reproductionSteps", "1. Sign in with SSO 2. See the error");
		body.put("customerImpact", "Nobody in the EU tenant can sign in");
		return body;
	}

	static Map<String, Object> authEnvironment() {
		return Map.of("productVersion", "4.12.1", "identityProvider", "Okta", "browser", "Firefox 132", "accountId", "AC-1");
	}

	static List<String> fields(Api.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	JsonNode ticket(Api as, long id) {
		var response = as.get("/api/v1/tickets/" + id);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	List<JsonNode> events(Api as, long id, String type) {
		List<JsonNode> found = new ArrayList<>();
		as.get("/api/v1/tickets/" + id + "/events").json().forEach(e -> {
			if (e.get("type").asString().equals(type)) {
				found.add(e);
			}
		});
		return found;
	}

	long escalateToT3(long ticket) {
		assertThat(t1.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T2", "needs-diagnosis", authEnvironment())).status())
			.isEqualTo(201);
		var response = t2.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T3", "reproducible-defect", authEnvironment()));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	@Test
	void anEmptyEscalationNamesEveryMissingField() {
		long ticket = open("acme", "authentication", "P3");
		List<String> fields = fields(t1.post("/api/v1/tickets/" + ticket + "/escalations", Map.of()));
		assertThat(fields).contains("toTier", "criterion", "stepsAttempted", "errorMessages", "customerImpact",
				"environment.productVersion", "environment.identityProvider", "environment.browser", "environment.accountId");
		assertThat(ticket(t1, ticket).get("tier").asString()).isEqualTo("T1");
		assertThat(t1.get("/api/v1/tickets/" + ticket + "/escalations").json()).isEmpty();
	}

	@Test
	void environmentFieldsAreCheckedByType() {
		long ticket = open("acme", "authentication", "P3");
		var body = escalation("T2", "needs-diagnosis", Map.of("productVersion", "latest", "identityProvider", "Keycloak",
				"browser", "Chrome", "accountId", "no spaces allowed", "favouriteColour", "blue"));
		assertThat(fields(t1.post("/api/v1/tickets/" + ticket + "/escalations", body))).containsExactlyInAnyOrder(
				"environment.productVersion", "environment.identityProvider", "environment.accountId", "environment.favouriteColour");
	}

	@Test
	void wrongShapesAreNamedNotRejectedWholesale() {
		long ticket = open("acme", "authentication", "P3");
		var body = escalation("T2", "needs-diagnosis", authEnvironment());
		body.put("stepsAttempted", "just one string");
		body.put("customersAffected", "many");
		body.put("colour", "red");
		assertThat(fields(t1.post("/api/v1/tickets/" + ticket + "/escalations", body)))
			.contains("stepsAttempted", "customersAffected", "colour");
	}

	@Test
	void aSuspectedDefectNeedsReproductionSteps() {
		long ticket = open("acme", "authentication", "P3");
		assertThat(t1.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T2", "needs-diagnosis", authEnvironment())).status())
			.isEqualTo(201);
		var body = escalation("T3", "reproducible-defect", authEnvironment());
		body.remove("reproductionSteps");
		assertThat(fields(t2.post("/api/v1/tickets/" + ticket + "/escalations", body))).containsExactly("reproductionSteps");
		body.put("criterion", "needs-access");
		assertThat(t2.post("/api/v1/tickets/" + ticket + "/escalations", body).status()).isEqualTo(201);
	}

	@Test
	void escalatingToT2MovesTheTicketAndKeepsTheTemplateAndTheEvent() {
		long ticket = open("acme", "authentication", "P3");
		var response = t1.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T2", "needs-diagnosis", authEnvironment()));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		JsonNode e = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/v1/escalations/" + e.get("id").asLong());
		assertThat(e.get("fromTier").asString()).isEqualTo("T1");
		assertThat(e.get("toTier").asString()).isEqualTo("T2");
		assertThat(e.get("state").asString()).isEqualTo("TAKEN");
		assertThat(e.get("criterion").asString()).isEqualTo("needs-diagnosis");
		assertThat(e.get("environment").get("identityProvider").asString()).isEqualTo("Okta");
		assertThat(e.get("stepsAttempted")).hasSize(2);
		assertThat(e.get("escalatedBy").asString()).isEqualTo("t1@northwind.test");

		JsonNode moved = ticket(t2, ticket);
		assertThat(moved.get("tier").asString()).isEqualTo("T2");
		assertThat(moved.get("status").asString()).isEqualTo("OPEN");
		// least privilege: the T1 agent no longer sees a T2 ticket
		assertThat(t1.get("/api/v1/tickets/" + ticket).status()).isEqualTo(404);
		JsonNode event = events(t2, ticket, "ESCALATED").get(0);
		String data = event.get("data").asString();
		assertThat(data).contains("\"fromTier\":\"T1\"", "\"toTier\":\"T2\"", "\"criterion\":\"needs-diagnosis\"",
				"\"escalationId\":" + e.get("id").asLong(), "templateCompletedAt");
		assertThat(t2.get("/api/v1/tickets/" + ticket + "/escalations").json()).hasSize(1);
	}

	@Test
	void aTicketSkipsNoTierUnlessARuleAllowsIt() {
		long ticket = open("acme", "authentication", "P3");
		List<String> fields = fields(t1.post("/api/v1/tickets/" + ticket + "/escalations",
				escalation("T3", "reproducible-defect", authEnvironment())));
		assertThat(fields).containsExactly("toTier");

		// acme lets a P1 go straight to T3
		long p1 = open("acme", "authentication", "P1");
		assertThat(t1.post("/api/v1/tickets/" + p1 + "/escalations", escalation("T3", "reproducible-defect", authEnvironment())).status())
			.isEqualTo(201);
		assertThat(ticket(eng, p1).get("tier").asString()).isEqualTo("T3");

		// globex does not
		long globexP1 = open("globex", "authentication", "P1");
		assertThat(fields(t1.post("/api/v1/tickets/" + globexP1 + "/escalations",
				escalation("T3", "reproducible-defect", authEnvironment())))).containsExactly("toTier");
	}

	@Test
	void aCriterionThatAllowsSkippingStillHasItsOwnConditions() {
		long p1 = open("globex", "authentication", "P1");
		var body = escalation("T3", "p1-widespread", authEnvironment());
		body.put("customersAffected", 4);
		assertThat(fields(t1.post("/api/v1/tickets/" + p1 + "/escalations", body))).containsExactly("customersAffected");
		body.put("customersAffected", 40);
		assertThat(t1.post("/api/v1/tickets/" + p1 + "/escalations", body).status()).isEqualTo(201);

		long p3 = open("globex", "authentication", "P3");
		assertThat(fields(t1.post("/api/v1/tickets/" + p3 + "/escalations", body))).contains("criterion");
	}

	@Test
	void t2OwnsWhatItTakesAndCannotHandItBack() {
		long ticket = open("acme", "authentication", "P3");
		t1.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T2", "needs-diagnosis", authEnvironment()));
		assertThat(fields(t2.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T1", "needs-diagnosis", authEnvironment()))))
			.contains("toTier");
		assertThat(t2.patch("/api/v1/tickets/" + ticket, Map.of("tier", "T1")).status()).isEqualTo(422);
		assertThat(ticket(t2, ticket).get("tier").asString()).isEqualTo("T2");
	}

	@Test
	void aCriterionMustFitTheTargetTierAndTheCategory() {
		long ticket = open("acme", "authentication", "P3");
		t1.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T2", "needs-diagnosis", authEnvironment()));
		assertThat(fields(t2.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T3", "needs-diagnosis", authEnvironment()))))
			.containsExactly("criterion");
		assertThat(fields(t2.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T3", "no-such-rule", authEnvironment()))))
			.containsExactly("criterion");
	}

	@Test
	void anOwnedCategoryGoesBeyondItsOwnerOnlyAsASuspectedDefect() {
		// acme's data-import is owned end-to-end at T2
		long ticket = open("acme", "data-import", "P3");
		Map<String, Object> environment = Map.of("productVersion", "4.12.1", "fileFormat", "CSV");
		assertThat(t1.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T2", "needs-diagnosis", environment)).status())
			.isEqualTo(201);
		List<String> fields = fields(t2.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T3", "needs-access", environment)));
		assertThat(fields).containsExactly("criterion");
		assertThat(t2.post("/api/v1/tickets/" + ticket + "/escalations", escalation("T3", "reproducible-defect", environment)).status())
			.isEqualTo(201);

		// billing is owned at T1: not even T2 without a defect
		long billing = open("acme", "billing", "P3");
		assertThat(fields(t1.post("/api/v1/tickets/" + billing + "/escalations",
				escalation("T2", "needs-diagnosis", Map.of("accountId", "AC-9"))))).containsExactly("criterion");
	}

	@Test
	void t3AcceptsAndTheTicketStaysWithEngineering() {
		long ticket = open("acme", "authentication", "P3");
		long escalation = escalateToT3(ticket);
		var response = eng.post("/api/v1/escalations/" + escalation + "/decision", Map.of("decision", "ACCEPTED", "note", "Reproduced"));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(response.json().get("decision").get("by").asString()).isEqualTo("eng@acme.test");
		assertThat(ticket(eng, ticket).get("tier").asString()).isEqualTo("T3");
		assertThat(events(eng, ticket, "ESCALATION_DECIDED").get(0).get("data").asString()).contains("\"decision\":\"ACCEPTED\"");
		// decided once
		assertThat(eng.post("/api/v1/escalations/" + escalation + "/decision", Map.of("decision", "ACCEPTED")).status()).isEqualTo(409);
	}

	@Test
	void eachReturnReasonPutsTheTicketBackAtTheEscalatingTier() {
		for (String reason : List.of("RESOLVABLE_AT_LOWER_TIER", "MISSING_INFORMATION", "NOT_A_DEFECT")) {
			long ticket = open("acme", "authentication", "P3");
			long escalation = escalateToT3(ticket);
			var response = eng.post("/api/v1/escalations/" + escalation + "/decision",
					Map.of("decision", "RETURNED", "reason", reason, "note", "Because " + reason));
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			assertThat(response.json().get("decision").get("reason").asString()).isEqualTo(reason);
			JsonNode back = ticket(t2, ticket);
			assertThat(back.get("tier").asString()).isEqualTo("T2");
			String data = events(t2, ticket, "ESCALATION_DECIDED").get(0).get("data").asString();
			assertThat(data).contains("\"decision\":\"RETURNED\"", "\"reason\":\"" + reason + "\"", "\"fromTier\":\"T3\"",
					"\"toTier\":\"T2\"");
			// the history keeps both escalations and the decision
			JsonNode history = t2.get("/api/v1/tickets/" + ticket + "/escalations").json();
			assertThat(history).hasSize(2);
			assertThat(history.get(1).get("state").asString()).isEqualTo("RETURNED");
			assertThat(history.get(1).get("decision").get("note").asString()).isEqualTo("Because " + reason);
		}
	}

	@Test
	void aReturnNeedsAReasonAndANote() {
		long ticket = open("acme", "authentication", "P3");
		long escalation = escalateToT3(ticket);
		assertThat(fields(eng.post("/api/v1/escalations/" + escalation + "/decision", Map.of("decision", "RETURNED"))))
			.containsExactlyInAnyOrder("reason", "note");
		assertThat(fields(eng.post("/api/v1/escalations/" + escalation + "/decision",
				Map.of("decision", "RETURNED", "reason", "TOO_HARD", "note", "x")))).containsExactly("reason");
		assertThat(fields(eng.post("/api/v1/escalations/" + escalation + "/decision", Map.of("decision", "MAYBE"))))
			.containsExactly("decision");
		assertThat(ticket(eng, ticket).get("tier").asString()).isEqualTo("T3");
	}

	@Test
	void onlyTier3OfTheClientDecides() {
		long ticket = open("acme", "authentication", "P3");
		long escalation = escalateToT3(ticket);
		Map<String, Object> accept = Map.of("decision", "ACCEPTED");
		// T2 no longer sees the T3 ticket: the escalation is not found, like a missing one
		assertThat(t2.post("/api/v1/escalations/" + escalation + "/decision", accept).status()).isEqualTo(404);
		assertThat(as("admin@globex.test").post("/api/v1/escalations/" + escalation + "/decision", accept).status()).isEqualTo(404);
		assertThat(as("admin@globex.test").get("/api/v1/escalations/" + escalation).status()).isEqualTo(404);
		assertThat(as("admin@northwind.test").post("/api/v1/escalations/" + escalation + "/decision", accept).status()).isEqualTo(403);
		assertThat(as("auditor@acme.test").post("/api/v1/escalations/" + escalation + "/decision", accept).status()).isEqualTo(403);
		assertThat(as("admin@acme.test").post("/api/v1/escalations/" + escalation + "/decision", accept).status()).isEqualTo(200);
	}

	@Test
	void theT3InboxListsPendingEscalationsOldestFirstWithinGrants() {
		long first = open("acme", "authentication", "P3");
		long second = open("acme", "authentication", "P3");
		long a = escalateToT3(first);
		long b = escalateToT3(second);
		List<Long> ids = new ArrayList<>();
		String cursor = "";
		do {
			JsonNode page = eng.get("/api/v1/escalations?limit=2" + cursor).json();
			page.get("items").forEach(i -> ids.add(i.get("escalation").get("id").asLong()));
			cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asString();
		} while (cursor != null);
		assertThat(ids).contains(a, b);
		assertThat(ids.indexOf(a)).isLessThan(ids.indexOf(b));
		JsonNode item = eng.get("/api/v1/escalations?limit=200").json().get("items").get(ids.indexOf(a));
		assertThat(item.get("escalation").get("ticket").asString()).startsWith("ACME-");
		assertThat(item.get("criterionName").asString()).isEqualTo("Confirmed reproducible defect");

		for (String outsider : List.of("t1@northwind.test", "t2@northwind.test", "admin@globex.test", "dana@customer.test")) {
			JsonNode items = as(outsider).get("/api/v1/escalations?limit=200").json().get("items");
			items.forEach(i -> assertThat(i.get("escalation").get("id").asLong()).as(outsider).isNotIn(a, b));
		}
	}

	@Test
	void aPendingEscalationIsDecidedBeforeTheNextOne() {
		long ticket = open("acme", "authentication", "P3");
		escalateToT3(ticket);
		var vendor = escalation("T4", "vendor-defect", authEnvironment());
		vendor.put("vendor", Map.of("name", "Okta"));
		assertThat(eng.post("/api/v1/tickets/" + ticket + "/escalations", vendor).status()).isEqualTo(409);
	}

	@Test
	void aVendorEscalationWaitsOnHoldUntilTheVendorResolves() {
		long ticket = open("acme", "authentication", "P3");
		long toT3 = escalateToT3(ticket);
		eng.post("/api/v1/escalations/" + toT3 + "/decision", Map.of("decision", "ACCEPTED"));
		var body = escalation("T4", "vendor-defect", authEnvironment());
		assertThat(fields(eng.post("/api/v1/tickets/" + ticket + "/escalations", body))).containsExactly("vendor.name");
		body.put("vendor", Map.of("name", "Okta", "reference", "OKTA-55012"));
		var response = eng.post("/api/v1/tickets/" + ticket + "/escalations", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		long toT4 = response.json().get("id").asLong();
		assertThat(response.json().get("state").asString()).isEqualTo("WITH_VENDOR");
		assertThat(response.json().get("vendor").get("status").asString()).isEqualTo("OPEN");
		JsonNode waiting = ticket(eng, ticket);
		assertThat(waiting.get("tier").asString()).isEqualTo("T4");
		assertThat(waiting.get("status").asString()).isEqualTo("ON_HOLD");

		var update = eng.put("/api/v1/escalations/" + toT4 + "/vendor", Map.of("name", "Okta", "reference", "OKTA-55012", "status", "IN_PROGRESS"));
		assertThat(update.status()).as(update.text()).isEqualTo(200);
		assertThat(ticket(eng, ticket).get("status").asString()).isEqualTo("ON_HOLD");
		assertThat(fields(eng.put("/api/v1/escalations/" + toT4 + "/vendor", Map.of("name", "Okta", "status", "DONE-ISH"))))
			.containsExactly("vendor.status");
		eng.put("/api/v1/escalations/" + toT4 + "/vendor", Map.of("name", "Okta", "reference", "OKTA-55012", "status", "RESOLVED"));
		assertThat(ticket(eng, ticket).get("status").asString()).isEqualTo("OPEN");
		assertThat(events(eng, ticket, "VENDOR_UPDATED")).hasSize(2);
		assertThat(eng.get("/api/v1/escalations/" + toT4).json().get("vendor").get("status").asString()).isEqualTo("RESOLVED");
	}

	@Test
	void whoMayNotEscalate() {
		long ticket = open("acme", "authentication", "P3");
		var body = escalation("T2", "needs-diagnosis", authEnvironment());
		assertThat(as("shadow@northwind.test").post("/api/v1/tickets/" + ticket + "/escalations", body).status()).isEqualTo(403);
		assertThat(as("auditor@acme.test").post("/api/v1/tickets/" + ticket + "/escalations", body).status()).isEqualTo(403);
		assertThat(as("dana@customer.test").post("/api/v1/tickets/" + ticket + "/escalations", body).status()).isEqualTo(403);
		assertThat(as("admin@globex.test").post("/api/v1/tickets/" + ticket + "/escalations", body).status()).isEqualTo(404);
		assertThat(as("dana@customer.test").get("/api/v1/tickets/" + ticket + "/escalations").status()).isEqualTo(403);
		assertThat(ticket(t1, ticket).get("tier").asString()).isEqualTo("T1");
	}

	@Test
	void theTemplateEndpointSaysWhatAnEscalationMustCarry() {
		long ticket = open("acme", "authentication", "P3");
		JsonNode template = t1.get("/api/v1/tickets/" + ticket + "/escalation-template").json();
		assertThat(template.get("tier").asString()).isEqualTo("T1");
		List<String> targets = new ArrayList<>();
		template.get("targets").forEach(t -> targets.add(t.asString()));
		assertThat(targets).containsExactly("T2");
		List<String> keys = new ArrayList<>();
		template.get("environment").forEach(f -> keys.add(f.get("key").asString() + (f.get("required").asBoolean() ? "*" : "")));
		assertThat(keys).containsExactly("productVersion*", "identityProvider*", "browser*", "accountId*");
		assertThat(template.get("environment").get(1).get("options")).hasSize(4);
	}

	@Test
	void twoDecisionsAtOnceOneWins() throws Exception {
		long ticket = open("acme", "authentication", "P3");
		long escalation = escalateToT3(ticket);
		Api admin = as("admin@acme.test");
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var accept = pool.submit(() -> eng.post("/api/v1/escalations/" + escalation + "/decision", Map.of("decision", "ACCEPTED")).status());
			var reject = pool.submit(() -> admin.post("/api/v1/escalations/" + escalation + "/decision",
					Map.of("decision", "RETURNED", "reason", "NOT_A_DEFECT", "note", "works as designed")).status());
			int accepted = accept.get();
			int returned = reject.get();
			assertThat(List.of(accepted, returned)).containsOnlyOnce(200);
			if (returned == 200) {
				// the return won: the loser is told so (409), or, the ticket being back below T3, no longer sees it (404)
				assertThat(accepted).isIn(409, 404);
			}
			else {
				assertThat(returned).isEqualTo(409);
			}
		}
		finally {
			pool.shutdown();
		}
		JsonNode decided = as("admin@acme.test").get("/api/v1/escalations/" + escalation).json();
		String tier = ticket(as("admin@acme.test"), ticket).get("tier").asString();
		assertThat(tier).isEqualTo(decided.get("state").asString().equals("ACCEPTED") ? "T3" : "T2");
		assertThat(events(as("admin@acme.test"), ticket, "ESCALATION_DECIDED")).hasSize(1);
	}

	@Test
	void anEscalationNamingAKnownIssueLinksTheTicketToIt() {
		long acmeIssue = as("admin@acme.test").post("/api/v1/known-issues", Map.of("client", "acme", "title",
				"SAML signature rejected " + UUID.randomUUID(), "signatures", List.of(Map.of("kind", "LITERAL", "pattern", "InvalidSignature"))))
			.json().get("id").asLong();
		long globexIssue = as("admin@globex.test").post("/api/v1/known-issues", Map.of("client", "globex", "title",
				"Globex only " + UUID.randomUUID())).json().get("id").asLong();
		long ticket = open("acme", "authentication", "P3");
		var body = escalation("T2", "needs-diagnosis", authEnvironment());
		body.put("knownIssue", globexIssue);
		assertThat(fields(t1.post("/api/v1/tickets/" + ticket + "/escalations", body))).containsExactly("knownIssue");
		body.put("knownIssue", acmeIssue);
		var response = t1.post("/api/v1/tickets/" + ticket + "/escalations", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.json().get("knownIssue").asLong()).isEqualTo(acmeIssue);
		JsonNode linked = t2.get("/api/v1/tickets/" + ticket + "/known-issues").json();
		assertThat(linked.toString()).contains("\"id\":" + acmeIssue);
		assertThat(as("admin@acme.test").get("/api/v1/known-issues/" + acmeIssue).json().get("linkedCount").asInt()).isEqualTo(1);
	}
}
