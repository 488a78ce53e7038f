package io.tierline.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tierline.access.AccessManagement;
import io.tierline.escalation.EscalationEvents.KnownIssueFixed;
import io.tierline.escalation.EscalationEvents.KnownIssueThresholdCrossed;
import io.tierline.escalation.internal.EscalationSettings;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.tierline.escalation.KnownIssueApiIntegrationTests.ISSUES;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.create;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.issue;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.literal;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.openTicket;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.regex;
import static org.assertj.core.api.Assertions.assertThat;

/** Links, counts, suggestions, the threshold notice and the bulk reply of a fixed issue. */
@IntegrationTest
class KnownIssueLinkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	EscalationSettings settings;

	@Autowired
	AccessManagement access;

	@Autowired
	JdbcClient jdbc;

	/** Events published while a test runs, from whichever request thread published them. */
	final List<Object> published = new CopyOnWriteArrayList<>();
	final ApplicationListener<PayloadApplicationEvent<?>> listener = e -> published.add(e.getPayload());

	Api t1;
	Api t2;

	@BeforeEach
	void listen() {
		context.addApplicationListener(listener);
		t1 = as("t1@northwind.test");
		t2 = as("t2@northwind.test");
	}

	@AfterEach
	void stopListening() {
		context.removeApplicationListener(listener);
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

	List<KnownIssueThresholdCrossed> crossings(long issue) {
		return published.stream().filter(KnownIssueThresholdCrossed.class::isInstance).map(KnownIssueThresholdCrossed.class::cast)
			.filter(e -> e.knownIssueId() == issue).toList();
	}

	int threshold() {
		return settings.of(access.clientBySlug("acme").orElseThrow().id()).knownIssueThreshold();
	}

	int linkedCount(long issue) {
		return t2.get(ISSUES + "/" + issue).json().get("linkedCount").asInt();
	}

	void fix(long issue, String version) {
		var response = t2.put(ISSUES + "/" + issue, Map.of("title", "fixed issue", "status", "FIXED", "fixedInVersion", version));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
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
		String token = UUID.randomUUID().toString().substring(0, 8);
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

	@Test
	void notifiesOnceWhenTheCountReachesTheThresholdAndAgainAfterDroppingBelow() {
		int threshold = threshold();
		long issue = newIssue("threshold " + UUID.randomUUID(), List.of());
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i <= threshold; i++) {
			tickets.add(ticket("threshold " + i + " " + UUID.randomUUID(), "text"));
		}
		for (int i = 0; i < threshold - 1; i++) {
			link(t1, issue, tickets.get(i));
		}
		assertThat(crossings(issue)).isEmpty();
		link(t1, issue, tickets.get(threshold - 1));
		assertThat(crossings(issue)).hasSize(1);
		KnownIssueThresholdCrossed crossed = crossings(issue).get(0);
		assertThat(crossed.linkedCount()).isEqualTo(threshold);
		assertThat(crossed.threshold()).isEqualTo(threshold);
		assertThat(crossed.clientId()).isEqualTo(access.clientBySlug("acme").orElseThrow().id());

		link(t1, issue, tickets.get(threshold));
		link(t1, issue, tickets.get(threshold - 1));
		assertThat(crossings(issue)).hasSize(1);

		t1.delete(ISSUES + "/" + issue + "/links/" + tickets.get(threshold));
		assertThat(crossings(issue)).hasSize(1);
		t1.delete(ISSUES + "/" + issue + "/links/" + tickets.get(threshold - 1));
		assertThat(linkedCount(issue)).isEqualTo(threshold - 1);
		link(t1, issue, tickets.get(threshold));
		assertThat(crossings(issue)).hasSize(2);
		assertThat(jdbc.sql("select count(*) from audit_log where target = ? and action = 'KNOWN_ISSUE_THRESHOLD_CROSSED'")
			.param("known-issue/" + issue).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aFixedIssueNotifiesNoOneWhateverItsCount() {
		int threshold = threshold();
		long issue = newIssue("fixed threshold " + UUID.randomUUID(), List.of());
		fix(issue, "5.0.0");
		for (int i = 0; i < threshold; i++) {
			link(t1, issue, ticket("fixed " + i + " " + UUID.randomUUID(), "text"));
		}
		assertThat(linkedCount(issue)).isEqualTo(threshold);
		assertThat(crossings(issue)).isEmpty();
	}

	@Test
	void concurrentLinksPublishExactlyOneCrossing() throws Exception {
		int threshold = threshold();
		long issue = newIssue("race " + UUID.randomUUID(), List.of());
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < threshold + 4; i++) {
			tickets.add(ticket("race " + i + " " + UUID.randomUUID(), "text"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (String ticket : tickets) {
				results.add(pool.submit(() -> {
					start.await();
					return link(t2, issue, ticket).status();
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(linkedCount(issue)).isEqualTo(tickets.size());
		assertThat(crossings(issue)).hasSize(1);
	}

	@Test
	void markingAnIssueFixedTellsHowManyLinkedTicketsAreWaiting() {
		long issue = newIssue("fix news " + UUID.randomUUID(), List.of());
		String open = ticket("waiting " + UUID.randomUUID(), "text");
		String solved = ticket("solved " + UUID.randomUUID(), "text");
		t1.patch("/api/v1/tickets/" + solved, Map.of("status", "SOLVED"));
		link(t1, issue, open);
		link(t1, issue, solved);
		fix(issue, "4.9.0");
		List<KnownIssueFixed> fixed = published.stream().filter(KnownIssueFixed.class::isInstance).map(KnownIssueFixed.class::cast)
			.filter(e -> e.knownIssueId() == issue).toList();
		assertThat(fixed).hasSize(1);
		assertThat(fixed.get(0).fixedInVersion()).isEqualTo("4.9.0");
		assertThat(fixed.get(0).openLinkedTickets()).isEqualTo(1);
		fix(issue, "4.9.1");
		assertThat(published.stream().filter(KnownIssueFixed.class::isInstance)
			.filter(e -> ((KnownIssueFixed) e).knownIssueId() == issue)).hasSize(1);
	}

	@Test
	void bulkReplyAnswersActiveLinkedTicketsTheCallerMayReplyTo() {
		long issue = newIssue("bulk " + UUID.randomUUID(), List.of());
		String active = ticket("bulk active " + UUID.randomUUID(), "text");
		String solved = ticket("bulk solved " + UUID.randomUUID(), "text");
		String atT2 = openTicket(t2, "acme", "bulk at T2 " + UUID.randomUUID(), "text", "T2").get("number").asString();
		t1.patch("/api/v1/tickets/" + solved, Map.of("status", "SOLVED"));
		for (String ticket : List.of(active, solved, atT2)) {
			link(t2, issue, ticket);
		}
		String path = ISSUES + "/" + issue + "/bulk-reply";
		Map<String, String> body = Map.of("body", "Fixed in 4.9.2: please update and tell us if it persists.");
		assertThat(t1.post(path, body).status()).isEqualTo(409);
		fix(issue, "4.9.2");
		assertThat(t1.post(path, Map.of("body", " ")).status()).isEqualTo(422);

		var response = t1.post(path, body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode result = response.json();
		assertThat(result.get("replied").asInt()).isEqualTo(1);
		assertThat(result.get("held").asInt()).isZero();
		assertThat(result.get("skipped").asInt()).isEqualTo(2);
		assertThat(result.get("skips").findValuesAsString("reason")).contains("the ticket is SOLVED", "outside your grants");
		assertThat(result.get("skips").findValuesAsString("ticket")).doesNotContain(atT2);
		assertThat(as("dana@customer.test").get("/api/v1/tickets/" + active + "/messages").json().findValuesAsString("body"))
			.contains("Fixed in 4.9.2: please update and tell us if it persists.");

		JsonNode again = t2.post(path, body).json();
		assertThat(again.get("replied").asInt()).isEqualTo(1);
		assertThat(again.get("skips").findValuesAsString("reason")).contains("already received the reply about this fix");
		assertThat(as("dana@customer.test").get("/api/v1/tickets/" + active + "/messages").json().findValuesAsString("body")
			.stream().filter(b -> b.startsWith("Fixed in 4.9.2"))).hasSize(1);
		assertThat(jdbc.sql("select count(*) from audit_log where target = ? and action = 'KNOWN_ISSUE_BULK_REPLY'")
			.param("known-issue/" + issue).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aSupervisedAgentsBulkReplyIsHeldForApproval() {
		long issue = newIssue("held bulk " + UUID.randomUUID(), List.of());
		String ticket = ticket("held bulk " + UUID.randomUUID(), "text");
		link(t1, issue, ticket);
		fix(issue, "4.10.0");
		JsonNode result = as("supervised@northwind.test").post(ISSUES + "/" + issue + "/bulk-reply",
				Map.of("body", "Fixed in 4.10.0, trainee wording")).json();
		assertThat(result.get("held").asInt()).isEqualTo(1);
		assertThat(result.get("replied").asInt()).isZero();
		JsonNode thread = t1.get("/api/v1/tickets/" + ticket + "/messages").json();
		List<String> states = new ArrayList<>();
		thread.forEach(m -> {
			if (m.get("body").asString().startsWith("Fixed in 4.10.0")) {
				states.add(m.get("state").asString());
			}
		});
		assertThat(states).containsExactly("HELD");
		assertThat(as("dana@customer.test").get("/api/v1/tickets/" + ticket + "/messages").json().findValuesAsString("body"))
			.doesNotContain("Fixed in 4.10.0, trainee wording");
	}

	@Test
	void readOnlyStaffCannotBulkReply() {
		long issue = newIssue("read only bulk " + UUID.randomUUID(), List.of());
		fix(issue, "4.11.0");
		var shadow = as("shadow@northwind.test").post(ISSUES + "/" + issue + "/bulk-reply", Map.of("body", "hello"));
		assertThat(shadow.status()).isEqualTo(403);
		assertThat(shadow.json().get("detail").asString()).contains("SHADOW");
		assertThat(as("auditor@acme.test").post(ISSUES + "/" + issue + "/bulk-reply", Map.of("body", "hello")).status()).isEqualTo(403);
		assertThat(as("dana@customer.test").post(ISSUES + "/" + issue + "/bulk-reply", Map.of("body", "hello")).status()).isEqualTo(404);
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
