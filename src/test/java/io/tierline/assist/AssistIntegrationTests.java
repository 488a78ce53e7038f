package io.tierline.assist;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent assist over real HTTP on the demo data (issue 8): similar solved tickets with their
 * resolution, log digests matched to known-issue signatures, the thread summary and the pre-filled
 * escalate form, usage counted once and reported, and who may see what.
 */
@IntegrationTest
class AssistIntegrationTests {

	@LocalServerPort
	int port;

	Api t1;
	Api t2;

	@BeforeEach
	void setUp() {
		t1 = Api.at(port).as("t1@northwind.test");
		t2 = Api.at(port).as("t2@northwind.test");
	}

	static String token() {
		return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	long ticket(String subject, String description, String category) {
		var body = new java.util.HashMap<String, Object>(Map.of("client", "acme", "requester", Map.of("email", "dana@customer.test", "name", "Dana"),
				"subject", subject, "description", description, "channel", "EMAIL", "severity", "P3", "tier", "T2"));
		if (category != null) {
			body.put("category", category);
		}
		var opened = t2.post("/api/v1/tickets", body);
		assertThat(opened.status()).as(opened.text()).isEqualTo(201);
		return opened.json().get("id").asLong();
	}

	String number(long id) {
		return t2.get("/api/v1/tickets/" + id).json().get("number").asString();
	}

	JsonNode assist(Api as, long id) {
		var response = as.get("/api/v1/tickets/" + id + "/assist");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	/** The search index follows solved tickets within a moment: ask until it has. */
	JsonNode awaitAssist(long id, Predicate<JsonNode> done) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		JsonNode a = assist(t2, id);
		while (!done.test(a) && System.nanoTime() < until) {
			Thread.sleep(250);
			a = assist(t2, id);
		}
		return a;
	}

	static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(n -> values.add(n.path(field).asString()));
		return values;
	}

	@Test
	void similarSolvedTicketsComeWithHowTheyWereResolved() throws Exception {
		String w = token();
		long solved = ticket("Printer " + w + " spooler jams on every print job", "The " + w + " spooler stops after one page.", null);
		assertThat(t2.post("/api/v1/tickets/" + solved + "/messages", Map.of("body", "Restart the " + w + " spooler service and clear "
				+ "the queue folder; that fixed it.", "visibility", "PUBLIC", "kind", "SUBSTANTIVE")).status()).isEqualTo(201);
		assertThat(t2.patch("/api/v1/tickets/" + solved, Map.of("status", "SOLVED")).status()).isEqualTo(200);
		long open = ticket("The " + w + " spooler jams again", "Printing stops: the " + w + " spooler hangs after the first page.", null);

		JsonNode a = awaitAssist(open, x -> texts(x.get("similarTickets"), "id").contains(String.valueOf(solved)));

		JsonNode hit = null;
		for (JsonNode s : a.get("similarTickets")) {
			if (s.get("id").asLong() == solved) {
				hit = s;
			}
		}
		assertThat(hit).as(a.toString()).isNotNull();
		assertThat(hit.get("number").asString()).isEqualTo(number(solved));
		assertThat(hit.get("status").asString()).isEqualTo("SOLVED");
		assertThat(hit.get("resolution").get("excerpt").asString()).contains("Restart the " + w + " spooler service");
		assertThat(hit.get("suggestionId").asLong()).isPositive();
		// the ticket itself is never its own similar ticket
		assertThat(texts(a.get("similarTickets"), "id")).doesNotContain(String.valueOf(open));
	}

	@Test
	void anAttachedLogIsDigestedAndMatchedToKnownIssueSignatures() {
		String code = "SYNC" + (100000 + new java.util.Random().nextInt(899999));
		var issue = t2.post("/api/v1/known-issues", Map.of("client", "acme", "title", "Sync aborts with " + code, "status", "OPEN",
				"workaround", "Re-run the sync after midnight.", "signatures", List.of(Map.of("kind", "LITERAL", "pattern", code))));
		assertThat(issue.status()).as(issue.text()).isEqualTo(201);
		long issueId = issue.json().get("id").asLong();
		long id = ticket("Nightly sync fails " + token(), "The nightly sync stopped, log attached.", null);
		String log = """
				2026-11-20T09:14:02Z INFO sync started
				2026-11-20T09:14:05Z ERROR upload failed: HTTP 503 Service Unavailable (%s)
				com.acme.sync.SyncException: batch 4412 rejected
					at com.acme.sync.Job.store(Job.java:88)
				2026-11-20T09:15:00Z INFO next run in 60 s
				""".formatted(code);
		var uploaded = t2.upload("/api/v1/tickets/" + id + "/attachments", "sync.log", log.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);

		JsonNode a = assist(t2, id);

		JsonNode digest = a.get("logs").get(0).get("digest");
		assertThat(a.get("logs").get(0).get("filename").asString()).isEqualTo("sync.log");
		assertThat(digest.get("errorLines").asInt()).isEqualTo(2);
		assertThat(digest.get("firstFailure").get("at").asString()).isEqualTo("2026-11-20T09:14:05Z");
		assertThat(texts(digest.get("exceptions"), "name")).containsExactly("com.acme.sync.SyncException");
		assertThat(texts(digest.get("httpStatuses"), "name")).containsExactly("503");
		JsonNode match = null;
		for (JsonNode k : a.get("knownIssues")) {
			if (k.get("id").asLong() == issueId) {
				match = k;
			}
		}
		assertThat(match).as(a.toString()).isNotNull();
		assertThat(match.get("matchedBy").asString()).isEqualTo("SIGNATURE");
		assertThat(match.get("foundIn").asString()).isEqualTo("sync.log");
		assertThat(match.get("matched").asString()).isEqualToIgnoringCase(code);
	}

	@Test
	void theThreadIsSummarisedAndTheEscalateFormPreFilled() throws Exception {
		long id = ticket("SSO sign-in broken " + token(), """
				Since this morning nobody in finance can sign in: the page says "Invalid SAML response".
				We are on version 4.12.1 with Okta. I tried Chrome 120 on Windows 11.
				Account id: acme-fin-0042""", "authentication");
		Api dana = Api.at(port).as("dana@customer.test");
		for (String body : List.of("I have cleared the cache and restarted the browser, same error.",
				"The whole finance team is still blocked and month-end closing is tomorrow.")) {
			assertThat(dana.post("/api/v1/tickets/" + id + "/messages", Map.of("body", body)).status()).isEqualTo(201);
		}
		t2.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "I checked the Okta app assignment; it looks right.",
				"visibility", "INTERNAL"));

		JsonNode a = assist(t2, id);

		assertThat(a.get("summary").get("summary").get("messages").asInt()).isEqualTo(4);
		assertThat(a.get("summary").get("summary").get("lines").toString()).contains("Invalid SAML response");
		JsonNode draft = a.get("escalation").get("draft");
		assertThat(draft.get("environment").get("productVersion").get("value").asString()).isEqualTo("4.12.1");
		assertThat(draft.get("environment").get("identityProvider").get("value").asString()).isEqualTo("Okta");
		assertThat(draft.get("environment").get("accountId").get("value").asString()).isEqualTo("acme-fin-0042");
		assertThat(draft.get("stepsAttempted").toString()).contains("I have cleared the cache").contains("I checked the Okta app");
		String formUrl = a.get("escalation").get("formUrl").asString();
		assertThat(formUrl).startsWith("/tickets/" + number(id) + "/escalate?");

		// using the suggestion leads to the escalate form, pre-filled for the agent to check
		var used = t2.post("/api/v1/assist/suggestions/" + a.get("escalation").get("suggestionId").asLong() + "/use", Map.of());
		assertThat(used.status()).as(used.text()).isEqualTo(200);
		assertThat(used.json().get("next").asString()).isEqualTo(formUrl);
		var page = WebSession.signedIn(port, "t2@northwind.test").get(formUrl);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"4.12.1\"").contains("I have cleared the cache and restarted the browser");

		// the summary goes onto the ticket as an internal note
		var noted = t2.post("/api/v1/assist/suggestions/" + a.get("summary").get("suggestionId").asLong() + "/note", Map.of());
		assertThat(noted.status()).as(noted.text()).isEqualTo(200);
		String thread = t2.get("/api/v1/tickets/" + id + "/messages").text();
		assertThat(thread).contains("Summary of the thread (4 messages)");
		assertThat(Api.at(port).as("dana@customer.test").get("/api/v1/tickets/" + id + "/messages").text())
			.doesNotContain("Summary of the thread");
	}

	@Test
	void aUseCountsOnceAndTheReportShowsIt() {
		long id = ticket("Report test " + token(), "Nothing works since version 2.1.0 was installed.", null);
		JsonNode before = Api.at(port).as("admin@acme.test").get("/api/v1/assist/usage?client=acme&days=30").json();
		JsonNode a = assist(t2, id);
		long summary = a.get("summary").get("suggestionId").asLong();
		// shown twice is still one suggestion
		assertThat(assist(Api.at(port).as("t2-acme@northwind.test"), id).get("summary").get("suggestionId").asLong()).isEqualTo(summary);

		var first = Api.at(port).as("t2-acme@northwind.test").post("/api/v1/assist/suggestions/" + summary + "/use", Map.of());
		var second = t2.post("/api/v1/assist/suggestions/" + summary + "/use", Map.of());

		assertThat(first.json().get("firstUse").asBoolean()).isTrue();
		assertThat(second.json().get("firstUse").asBoolean()).isFalse();
		JsonNode after = Api.at(port).as("admin@acme.test").get("/api/v1/assist/usage?client=acme&days=30").json();
		assertThat(kind(after, "SUMMARY", "suggestions") - kind(before, "SUMMARY", "suggestions")).isEqualTo(1);
		assertThat(kind(after, "SUMMARY", "used") - kind(before, "SUMMARY", "used")).isEqualTo(1);
		assertThat(kind(after, "SUMMARY", "timesShown") - kind(before, "SUMMARY", "timesShown")).isEqualTo(2);
		assertThat(Api.at(port).as("auditor@acme.test").get("/api/v1/assist/usage?client=acme").status()).isEqualTo(200);
		assertThat(t1.get("/api/v1/assist/usage?client=acme").status()).isEqualTo(403);
		assertThat(Api.at(port).as("admin@globex.test").get("/api/v1/assist/usage?client=acme").status()).isEqualTo(404);
		var bad = Api.at(port).as("admin@acme.test").get("/api/v1/assist/usage?client=acme&days=0");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.text()).contains("\"field\":\"days\"");
		// the audit log has the use
		assertThat(Api.at(port).as("admin@acme.test").get("/api/v1/audit?org=acme&ticket=" + id + "&limit=100").text())
			.contains("assist-suggestion:" + summary);
	}

	static long kind(JsonNode report, String kind, String field) {
		for (JsonNode k : report.get("kinds")) {
			if (k.get("kind").asString().equals(kind)) {
				return k.get(field).asLong();
			}
		}
		throw new AssertionError(kind + " missing in " + report);
	}

	@Test
	void onlyTheAgentsWhoWorkTheTicketAtTierOneOrTwoGetAssist() {
		long id = ticket("Access test " + token(), "Error 500 when saving.", null);
		long summary = assist(t2, id).get("summary").get("suggestionId").asLong();

		assertThat(Api.at(port).as("dana@customer.test").get("/api/v1/tickets/" + id + "/assist").status()).isEqualTo(403);
		assertThat(Api.at(port).as("auditor@acme.test").get("/api/v1/tickets/" + id + "/assist").status()).isEqualTo(403);
		assertThat(Api.at(port).as("admin@globex.test").get("/api/v1/tickets/" + id + "/assist").status()).isEqualTo(404);
		assertThat(Api.at(port).as("admin@globex.test").post("/api/v1/assist/suggestions/" + summary + "/use", Map.of()).status())
			.isEqualTo(404);
		assertThat(t2.post("/api/v1/assist/suggestions/99999999/use", Map.of()).status()).isEqualTo(404);

		// nothing at T3: engineering works from the escalation
		Api admin = Api.at(port).as("admin@northwind.test");
		var atT3 = admin.post("/api/v1/tickets", Map.of("client", "acme", "requester", Map.of("email", "dana@customer.test", "name", "Dana"),
				"subject", "At T3 " + token(), "description", "Broken.", "tier", "T3"));
		assertThat(atT3.status()).as(atT3.text()).isEqualTo(201);
		var refused = admin.get("/api/v1/tickets/" + atT3.json().get("id").asLong() + "/assist");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains("tier 1 and tier 2");

		// no generative endpoint is configured here
		assertThat(assist(t2, id).get("draftReplyAvailable").asBoolean()).isFalse();
		var draft = t2.post("/api/v1/tickets/" + id + "/assist/draft-reply", Map.of());
		assertThat(draft.status()).isEqualTo(409);
		assertThat(draft.text()).contains("tierline.assistant.base-url");
	}

	@Test
	void theTicketPageLoadsThePanelAndTheReportPageShowsTheKinds() throws Exception {
		long id = ticket("Panel test " + token(), "Since version 3.2.0 the export fails with HTTP 500.", null);
		var session = WebSession.signedIn(port, "t2@northwind.test");
		String ticketPage = session.get("/tickets/" + number(id)).body();
		assertThat(ticketPage).contains("data-testid=\"assist-slot\"");
		var panel = session.get("/tickets/" + number(id) + "/assist");
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains("Agent assist").contains("data-testid=\"assist-summary\"");
		var report = WebSession.signedIn(port, "admin@acme.test").get("/reports/assist?client=acme&days=7");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("data-kind=\"SIMILAR_TICKET\"").contains("data-kind=\"REPLY_DRAFT\"");
	}
}
