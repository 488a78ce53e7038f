package io.tierline.escalation;

import java.time.Duration;
import java.util.ArrayList;
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

import static io.tierline.escalation.KnownIssueApiIntegrationTests.ISSUES;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.create;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.issue;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.literal;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.openTicket;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.regex;
import static org.assertj.core.api.Assertions.assertThat;

/** Links and counts, the linked tickets each caller sees, and suggestions by error signature. */
@IntegrationTest
class KnownIssueLinkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api t1;
	Api t2;

	@BeforeEach
	void setUp() {
		t1 = as("t1@northwind.test");
		t2 = as("t2@northwind.test");
	}

	Api as(String email) {
		return Api.at(port).as(email);
	}

	long newIssue(String title, List<Map<String, String>> signatures) {
		return create(t2, issue(title, signatures)).get("id").asLong();
	}

	String ticket(String subject, String description) {
		return openTicket(t1, "acme", subject, description, "T1").get("number").asString();
	}

	Api.Response link(Api as, long issue, String ticket) {
		return as.post(ISSUES + "/" + issue + "/links", Map.of("ticket", ticket));
	}

	int linkedCount(long issue) {
		return t2.get(ISSUES + "/" + issue).json().get("linkedCount").asInt();
	}

	@Test
	void linksATicketOnceRecordingItOnTheTicket() {
		long issue = newIssue("link " + UUID.randomUUID(), List.of());
		String ticket = ticket("link me " + UUID.randomUUID(), "text");
		var first = link(t1, issue, ticket);
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(first.json().get("linkedCount").asInt()).isEqualTo(1);
		var again = link(t1, issue, ticket);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("linkedCount").asInt()).isEqualTo(1);

		JsonNode events = t1.get("/api/v1/tickets/" + ticket + "/events").json();
		assertThat(events.findValuesAsString("type").stream().filter("KNOWN_ISSUE_LINKED"::equals)).hasSize(1);
		assertThat(t1.get("/api/v1/tickets/" + ticket + "/known-issues").json().get("linked").findValuesAsString("id"))
			.containsExactly(String.valueOf(issue));
		assertThat(t1.get(ISSUES + "/" + issue + "/tickets").json().get("items").findValuesAsString("ticket")).containsExactly(ticket);

		assertThat(t1.delete(ISSUES + "/" + issue + "/links/" + ticket).status()).isEqualTo(204);
		assertThat(t1.delete(ISSUES + "/" + issue + "/links/" + ticket).status()).isEqualTo(204);
		assertThat(linkedCount(issue)).isZero();
		assertThat(t1.get("/api/v1/tickets/" + ticket + "/events").json().findValuesAsString("type")).contains("KNOWN_ISSUE_UNLINKED");
		assertThat(jdbc.sql("select action from audit_log where ticket_id = ? order by id")
			.param(t1.get("/api/v1/tickets/" + ticket).json().get("id").asLong()).query(String.class).list())
			.contains("KNOWN_ISSUE_LINKED", "KNOWN_ISSUE_UNLINKED");
	}


	@Test
	void linksOnlyVisibleTicketsOfTheIssuesClientAndNotAsReadOnlyStaff() {
		long issue = newIssue("guarded " + UUID.randomUUID(), List.of());
		String globex = openTicket(t1, "globex", "other client " + UUID.randomUUID(), "text", "T1").get("number").asString();
		var otherClient = link(t2, issue, globex);
		assertThat(otherClient.status()).isEqualTo(422);
		assertThat(otherClient.json().get("errors").get(0).get("field").asString()).isEqualTo("ticket");

		String atT2 = openTicket(t2, "acme", "T2 only " + UUID.randomUUID(), "text", "T2").get("number").asString();
		var hidden = link(t1, issue, atT2);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.json().get("detail").asString()).isEqualTo("Ticket " + atT2 + " not found");
		assertThat(link(t1, issue, "ACME-99999999").status()).isEqualTo(404);
		assertThat(link(as("admin@globex.test"), issue, globex).status()).isEqualTo(404);

		String ticket = ticket("read only " + UUID.randomUUID(), "text");
		assertThat(link(as("shadow@northwind.test"), issue, ticket).status()).isEqualTo(403);
		assertThat(link(as("auditor@acme.test"), issue, ticket).status()).isEqualTo(403);
		assertThat(link(as("supervised@northwind.test"), issue, ticket).status()).isEqualTo(201);
		var missing = t2.post(ISSUES + "/" + issue + "/links", Map.of());
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("ticket");
	}


	@Test
	void listsOnlyTheLinkedTicketsTheCallerSeesButCountsThemAll() {
		long issue = newIssue("scoped " + UUID.randomUUID(), List.of());
		String atT1 = ticket("seen by t1 " + UUID.randomUUID(), "text");
		String atT2 = openTicket(t2, "acme", "not seen by t1 " + UUID.randomUUID(), "text", "T2").get("number").asString();
		link(t2, issue, atT1);
		link(t2, issue, atT2);
		assertThat(t1.get(ISSUES + "/" + issue + "/tickets").json().get("items").findValuesAsString("ticket")).containsExactly(atT1);
		assertThat(t2.get(ISSUES + "/" + issue + "/tickets").json().get("items").findValuesAsString("ticket"))
			.containsExactly(atT2, atT1);
		JsonNode firstPage = t2.get(ISSUES + "/" + issue + "/tickets?limit=1").json();
		assertThat(firstPage.get("items").findValuesAsString("ticket")).containsExactly(atT2);
		assertThat(t2.get(ISSUES + "/" + issue + "/tickets?limit=1&cursor=" + firstPage.get("nextCursor").asString()).json()
			.get("items").findValuesAsString("ticket")).containsExactly(atT1);
		assertThat(linkedCount(issue)).isEqualTo(2);
		assertThat(as("dana@customer.test").get(ISSUES + "/" + issue + "/tickets").status()).isEqualTo(404);
	}


	@Test
	void suggestsUnfixedIssuesWhoseLiteralOrRegexSignaturesMatchTheTicket() {
		String token = UUID.randomUUID().toString().substring(0, 8);
		long byLiteral = newIssue("literal " + token, List.of(literal("Token-Expired-" + token)));
		long byRegex = newIssue("regex " + token, List.of(literal("never-" + token), regex("ERR-\\d{4}-" + token)));
		long unrelated = newIssue("unrelated " + token, List.of(literal("other-" + token)));
		Map<String, Object> alreadyFixed = new java.util.HashMap<>(issue("fixed " + token, List.of(literal("Token-Expired-" + token))));
		alreadyFixed.put("status", "FIXED");
		alreadyFixed.put("fixedInVersion", "4.7.1");
		long fixed = create(t2, alreadyFixed).get("id").asLong();
		String ticket = ticket("suggest " + token,
				"Sync fails with token-expired-" + token.toUpperCase() + " and then err-1234-" + token + " in the log.");

		JsonNode answer = t1.get("/api/v1/tickets/" + ticket + "/known-issues").json();
		assertThat(answer.get("complete").asBoolean()).isTrue();
		List<Long> suggested = new ArrayList<>();
		answer.get("suggestions").forEach(s -> suggested.add(s.get("knownIssue").get("id").asLong()));
		assertThat(suggested).contains(byLiteral, byRegex).doesNotContain(unrelated, fixed);
		JsonNode regexMatch = suggestion(answer, byRegex);
		assertThat(regexMatch.get("signature").get("kind").asString()).isEqualTo("REGEX");
		assertThat(regexMatch.get("matched").asString()).isEqualTo("err-1234-" + token);
		assertThat(suggestion(answer, byLiteral).get("signature").get("pattern").asString()).isEqualTo("Token-Expired-" + token);

		link(t1, byLiteral, ticket);
		JsonNode after = t1.get("/api/v1/tickets/" + ticket + "/known-issues").json();
		assertThat(after.get("linked").findValuesAsString("title")).containsExactly("literal " + token);
		assertThat(suggestion(after, byLiteral)).isNull();
	}


	@Test
	void suggestionsAreForTheClientsStaffOnly() {
		String ticket = ticket("portal " + UUID.randomUUID(), "text");
		var requester = as("dana@customer.test").get("/api/v1/tickets/" + ticket + "/known-issues");
		assertThat(requester.status()).isEqualTo(403);
		assertThat(as("admin@globex.test").get("/api/v1/tickets/" + ticket + "/known-issues").status()).isEqualTo(404);
		assertThat(as("auditor@acme.test").get("/api/v1/tickets/" + ticket + "/known-issues").status()).isEqualTo(200);
	}


	@Test
	void aCatastrophicRegexGivesUpInsteadOfHangingTheRequest() {
		// digits only: a random hex token may hold "ab", which the regex below matches at once
		String token = String.valueOf(System.nanoTime());
		long evil = newIssue("backtracking " + token, List.of(regex("((a+)+)+b")));
		long plain = newIssue("plain " + token, List.of(literal("plain-" + token)));
		String ticket = ticket("evil " + token, "a".repeat(60) + "! plain-" + token);
		try {
			long started = System.nanoTime();
			var response = t1.get("/api/v1/tickets/" + ticket + "/known-issues");
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(response.status()).isEqualTo(200);
			assertThat(took).isLessThan(Duration.ofSeconds(5));
			assertThat(suggestion(response.json(), plain)).isNotNull();
			assertThat(suggestion(response.json(), evil)).isNull();
		}
		finally {
			// the issue would cost every later acme suggestion its budget
			as("admin@acme.test").delete(ISSUES + "/" + evil);
		}
	}

	private static JsonNode suggestion(JsonNode answer, long issue) {
		for (JsonNode s : answer.get("suggestions")) {
			if (s.get("knownIssue").get("id").asLong() == issue) {
				return s;
			}
		}
		return null;
	}
}
