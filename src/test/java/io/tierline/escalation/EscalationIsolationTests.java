package io.tierline.escalation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §1 for the escalation and known-issue endpoints: everything of globex is "not found" for
 * every person of acme and for acme-only agents, exactly like a missing id; globex's admin reaches it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationIsolationTests {

	@LocalServerPort
	int port;

	long ticket;
	long escalation;
	long knownIssue;

	static final List<String> OUTSIDERS = List.of("t2-acme@northwind.test", "eng@acme.test", "admin@acme.test",
			"auditor@acme.test", "dana@customer.test", "shadow@northwind.test");

	Api as(String email) {
		return Api.at(port).as(email);
	}

	@BeforeAll
	void globexFixtures() {
		ticket = as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "globex", "requester",
				Map.of("email", "sam@shopper.test"), "subject", "Isolation " + UUID.randomUUID(), "severity", "P1", "category",
				"authentication")).json().get("id").asLong();
		Map<String, Object> body = new HashMap<>(Map.of("toTier", "T3", "criterion", "p1-widespread", "stepsAttempted",
				List.of("checked"), "environment", Map.of("productVersion", "1.2", "identityProvider", "Okta", "browser", "x",
						"accountId", "G-1"), "errorMessages", "e", "customerImpact", "all", "customersAffected", 50));
		var escalated = as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/escalations", body);
		assertThat(escalated.status()).as(escalated.text()).isEqualTo(201);
		escalation = escalated.json().get("id").asLong();
		knownIssue = as("admin@globex.test").post("/api/v1/known-issues", Map.of("client", "globex", "title",
				"Globex secret defect " + UUID.randomUUID())).json().get("id").asLong();
	}

	Stream<Arguments> calls() {
		Map<String, Function<Api, Api.Response>> calls = new java.util.LinkedHashMap<>();
		calls.put("GET escalation", a -> a.get("/api/v1/escalations/" + escalation));
		calls.put("decide", a -> a.post("/api/v1/escalations/" + escalation + "/decision", Map.of("decision", "ACCEPTED")));
		calls.put("vendor", a -> a.put("/api/v1/escalations/" + escalation + "/vendor", Map.of("name", "X")));
		calls.put("ticket escalations", a -> a.get("/api/v1/tickets/" + ticket + "/escalations"));
		calls.put("escalate", a -> a.post("/api/v1/tickets/" + ticket + "/escalations", Map.of()));
		calls.put("template", a -> a.get("/api/v1/tickets/" + ticket + "/escalation-template"));
		calls.put("policy", a -> a.get("/api/v1/clients/globex/escalation-policy"));
		calls.put("GET known issue", a -> a.get("/api/v1/known-issues/" + knownIssue));
		calls.put("PUT known issue", a -> a.put("/api/v1/known-issues/" + knownIssue, Map.of("title", "x")));
		calls.put("link", a -> a.post("/api/v1/known-issues/" + knownIssue + "/links", Map.of("ticket", String.valueOf(ticket))));
		calls.put("linked tickets", a -> a.get("/api/v1/known-issues/" + knownIssue + "/tickets"));
		calls.put("bulk reply", a -> a.post("/api/v1/known-issues/" + knownIssue + "/bulk-reply", Map.of("body", "fixed")));
		calls.put("ticket known issues", a -> a.get("/api/v1/tickets/" + ticket + "/known-issues"));
		return OUTSIDERS.stream().flatMap(who -> calls.entrySet().stream().map(c -> Arguments.of(who, c.getKey(), c.getValue())));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("calls")
	void globexIsNotFoundForAcme(String who, String call, Function<Api, Api.Response> request) {
		var response = request.apply(as(who));
		assertThat(response.status()).as(who + " " + call + ": " + response.text()).isEqualTo(404);
		assertThat(response.text()).doesNotContain("Globex secret defect", "Isolation ");
	}

	@ParameterizedTest(name = "{0} sees no globex escalation in the inbox")
	@MethodSource("outsiders")
	void theInboxHidesOtherClients(String who) {
		var items = as(who).get("/api/v1/escalations?limit=200").json().get("items");
		items.forEach(i -> assertThat(i.get("escalation").get("id").asLong()).isNotEqualTo(escalation));
		var issues = as(who).get("/api/v1/known-issues?limit=200");
		if (issues.status() == 200) {
			assertThat(issues.text()).doesNotContain("Globex secret defect");
		}
	}

	Stream<String> outsiders() {
		return OUTSIDERS.stream();
	}

	@org.junit.jupiter.api.Test
	void globexAdminReachesIt() {
		assertThat(as("admin@globex.test").get("/api/v1/escalations/" + escalation).status()).isEqualTo(200);
		assertThat(as("admin@globex.test").get("/api/v1/known-issues/" + knownIssue).status()).isEqualTo(200);
	}
}
