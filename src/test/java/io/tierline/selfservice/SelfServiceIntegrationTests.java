package io.tierline.selfservice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier-0 sessions over the API: outcomes, the ticket an escalation becomes, access, re-contacts and the deflection KPIs. */
@IntegrationTest
class SelfServiceIntegrationTests {

	static final String SESSIONS = "/api/v1/selfservice/sessions";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api dana() {
		return Api.at(port).as("dana@customer.test");
	}

	JsonNode start(Api as, String text) {
		var response = as.post(SESSIONS, Map.of("text", text));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	String unique(String topic) {
		return topic + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aSessionAnswersThenEndsDeflectedOnceAndForAll() {
		JsonNode session = start(dana(), unique("Outlook keeps asking for my password"));
		assertThat(session.get("client").asString()).isEqualTo("acme");
		assertThat(session.get("outcome").asString()).isEqualTo("OPEN");
		assertThat(session.get("transcript")).hasSize(2);
		assertThat(session.get("transcript").get(1).get("role").asString()).isEqualTo("assistant");
		long id = session.get("id").asLong();

		var more = dana().post(SESSIONS + "/" + id + "/messages", Map.of("text", "It started after the update"));
		assertThat(more.json().get("transcript")).hasSize(4);
		var deflected = dana().post(SESSIONS + "/" + id + "/deflect", Map.of());
		assertThat(deflected.json().get("outcome").asString()).isEqualTo("DEFLECTED");
		assertThat(deflected.json().get("endedAt").isNull()).isFalse();
		assertThat(dana().post(SESSIONS + "/" + id + "/deflect", Map.of()).status()).isEqualTo(409);
		assertThat(dana().post(SESSIONS + "/" + id + "/escalate", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void anEscalatedSessionBecomesAWebTicketCarryingTheConversation() {
		String question = unique("The export to CSV fails with error 0x80070005");
		long id = start(dana(), question).get("id").asLong();
		dana().post(SESSIONS + "/" + id + "/messages", Map.of("text", "I already restarted the app and cleared the cache"));
		var escalated = dana().post(SESSIONS + "/" + id + "/escalate", Map.of("subject", "CSV export fails"));
		assertThat(escalated.status()).as(escalated.text()).isEqualTo(200);
		String ticket = escalated.json().get("ticket").asString();
		assertThat(ticket).startsWith("ACME-");

		var view = dana().get("/api/v1/tickets/" + ticket);
		assertThat(view.json().get("subject").asString()).isEqualTo("CSV export fails");
		assertThat(view.json().get("channel").asString()).isEqualTo("WEB");
		assertThat(view.json().get("tags").toString()).contains("self-service");
		var messages = dana().get("/api/v1/tickets/" + ticket + "/messages").text();
		assertThat(messages).contains(question.replace("\"", "\\\""), "I already restarted the app and cleared the cache");
		assertThat(dana().post(SESSIONS + "/" + id + "/escalate", Map.of()).status()).as("once only").isEqualTo(409);
	}

	/** Waits until dana's article search finds the title (the index follows the demo data and new articles within a second). */
	long awaitPublicArticle(String query, String title) {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until) {
			for (JsonNode item : dana().get("/api/v1/search?client=acme&type=article&q=" + query).json().get("items")) {
				if (item.get("title").asString().replaceAll("</?mark>", "").equals(title)) {
					return item.get("id").asLong();
				}
			}
			pause();
		}
		throw new AssertionError("the index never showed dana \"" + title + "\"");
	}

	static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static List<JsonNode> answers(JsonNode session) {
		List<JsonNode> answers = new ArrayList<>();
		session.get("transcript").forEach(t -> t.get("answers").forEach(answers::add));
		return answers;
	}

	@Test
	void theAssistantQuotesAndLinksAPublishedPublicArticle() throws Exception {
		long reset = awaitPublicArticle("reset+password", "Reset your Acme Cloud password");
		JsonNode session = start(dana(), unique("I forgot my password, how do I reset it?"));
		List<JsonNode> answers = answers(session);
		assertThat(answers).isNotEmpty();
		// the demo article, whichever rank other tests' articles leave it (it ranks first on a fresh base)
		JsonNode first = answers.stream().filter(a -> a.get("id").asLong() == reset).findFirst().orElseThrow(() -> new AssertionError(answers));
		assertThat(first.get("kind").asString()).isEqualTo("ARTICLE");
		assertThat(first.get("id").asLong()).isEqualTo(reset);
		assertThat(first.get("title").asString()).isEqualTo("Reset your Acme Cloud password");
		assertThat(first.get("passage").asString()).as("a plain-text quote of the article").contains("Forgot password")
			.doesNotContain("<mark>", "**", "&");
		assertThat(first.get("url").asString()).isEqualTo("/help/" + reset);
		assertThat(first.get("score").asDouble()).isPositive();
		assertThat(session.get("transcript").get(1).get("text").asString()).startsWith("These may solve it");
		var page = WebSession.signedIn(port, "dana@customer.test").get("/help/" + reset);
		assertThat(page.statusCode()).as("the link opens for the requester").isEqualTo(200);
		assertThat(page.body()).contains("Reset your Acme Cloud password");
	}

	@Test
	void anOffTopicQuestionGetsNoArticleButTheWayToAnAgent() {
		awaitPublicArticle("reset+password", "Reset your Acme Cloud password");
		for (String offTopic : List.of("Where do I change my invoice address?", "The mobile app crashes when I open a photo",
				"Teams camera is black")) {
			JsonNode reply = start(dana(), unique(offTopic)).get("transcript").get(1);
			assertThat(reply.get("answers")).as(offTopic).isEmpty();
			assertThat(reply.get("text").asString()).startsWith("I found nothing");
		}
	}

	@Test
	void aPublishedDiagnosticTreeIsOfferedToRun() {
		long tree = awaitPublicArticle("cannot+sign+in", "Guided: I cannot sign in");
		List<JsonNode> answers = answers(start(dana(), unique("I cannot sign in to Acme Cloud")));
		assertThat(answers).anySatisfy(a -> {
			assertThat(a.get("kind").asString()).isEqualTo("TREE");
			assertThat(a.get("id").asLong()).isEqualTo(tree);
			assertThat(a.get("url").asString()).isEqualTo("/help/" + tree + "/run");
		});
	}

	@Test
	void anInternalUnpublishedArchivedOrOtherClientsArticleIsNeverOffered() {
		String w = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6) + "zk";
		Api kb = Api.at(port).as("kb@acme.test");
		long internal = publish(kb, "acme", "INTERNAL", "Restart the " + w + " gateway", "Staff only: restart the " + w + " gateway.");
		long draft = create(kb, "acme", "PUBLIC", "Draft " + w + " gateway note", "Not yet: the " + w + " gateway.");
		long archived = publish(kb, "acme", "PUBLIC", "Old " + w + " gateway fix", "Obsolete: the " + w + " gateway fix.");
		long visible = publish(kb, "acme", "PUBLIC", "Reconnect the " + w + " gateway", "Unplug the " + w + " gateway for ten seconds.");
		long globex = publish(Api.at(port).as("admin@globex.test"), "globex", "PUBLIC", "Globex " + w + " gateway",
				"Globex customers: the " + w + " gateway.");
		assertThat(kb.post("/api/v1/articles/" + archived + "/archive", Map.of()).status()).isEqualTo(200);
		// staff see the internal article in search once the index has it: from then on, the assistant could only be wrong on purpose
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until && !kb.get("/api/v1/search?client=acme&q=" + w).text().contains("\"id\":" + internal)) {
			pause();
		}
		awaitPublicArticle(w, "Reconnect the " + w + " gateway");

		JsonNode session = start(dana(), "My " + w + " gateway is offline, restart or reconnect?");
		List<Long> offered = answers(session).stream().map(a -> a.get("id").asLong()).toList();
		assertThat(offered).contains(visible).doesNotContain(internal, draft, archived, globex);
		var again = dana().post(SESSIONS + "/" + session.get("id").asLong() + "/messages",
				Map.of("text", "Staff only: restart the " + w + " gateway. Obsolete fix? Not yet note?"));
		assertThat(answers(again.json()).stream().map(a -> a.get("id").asLong()).toList()).doesNotContain(internal, draft, archived, globex);
		assertThat(answers(again.json()).toString()).doesNotContain("Staff only", "Globex customers", "Obsolete", "Not yet");
	}

	static long create(Api as, String client, String audience, String title, String body) {
		var created = as.post("/api/v1/articles", Map.of("client", client, "kind", "HOW_TO", "audience", audience, "title", title, "body", body));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	static long publish(Api as, String client, String audience, String title, String body) {
		long id = create(as, client, audience, title, body);
		assertThat(as.post("/api/v1/articles/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	@Test
	void onlyTheRequesterUsesTheAssistantAndBadInputNamesItsField() {
		long id = start(dana(), unique("VPN drops")).get("id").asLong();
		assertThat(Api.at(port).as("sam@shopper.test").get(SESSIONS + "/" + id).status()).isEqualTo(404);
		assertThat(Api.at(port).as("eng@acme.test").post(SESSIONS, Map.of("text", "anything")).status()).as("never at T3").isEqualTo(403);
		assertThat(Api.at(port).as("t1@northwind.test").post(SESSIONS, Map.of("text", "anything")).status()).isEqualTo(403);
		var blank = dana().post(SESSIONS, Map.of("text", " "));
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
		var otherClient = dana().post(SESSIONS, Map.of("client", "globex", "text", "help"));
		assertThat(otherClient.status()).isEqualTo(422);
		assertThat(otherClient.json().get("errors").get(0).get("field").asString()).isEqualTo("client");
	}

	@Test
	void aContactOnTheSameTopicWithinTheWindowMarksTheDeflectionAsNotHolding() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long vpn = deflected("VPN client keeps disconnecting every hour " + tag);
		long printer = deflected("Printer on floor 3 shows paper jam " + tag);
		long old = deflected("Calendar invitations arrive twice " + tag);
		jdbc.sql("update selfservice_sessions set ended_at = ended_at - interval '8' day where id = ?").param(old).update();

		start(dana(), "the vpn client disconnects again every hour " + tag);
		assertThat(recontact(vpn)).isEqualTo("session");
		assertThat(recontact(printer)).as("another topic").isNull();

		var ticket = dana().post("/api/v1/tickets", Map.of("client", "acme", "subject", "Calendar invitations arrive twice " + tag,
				"description", "Every calendar invitation arrives twice"));
		assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
		assertThat(recontact(old)).as("outside the 7-day window").isNull();
		var sameTopicTicket = dana().post("/api/v1/tickets", Map.of("client", "acme", "subject", "Paper jam on the floor 3 printer " + tag,
				"description", "The printer shows a paper jam again"));
		assertThat(sameTopicTicket.status()).isEqualTo(201);
		assertThat(recontact(printer)).as("a ticket is a re-contact too").startsWith("ticket ACME-");
	}

	@Test
	void deflectionRateAndAccuracyCountSessionsStartedInThePeriod() {
		long client = jdbc.sql("select id from organizations where slug = 'acme'").query(Long.class).single();
		long dana = jdbc.sql("select id from users where email = 'dana@customer.test'").query(Long.class).single();
		Instant may = Instant.parse("2019-05-06T10:00:00Z");
		// four sessions in May 2019: two deflections (one repeated within 7 days), one escalation, one abandoned
		session(client, dana, may, "DEFLECTED", may.plusSeconds(600), null);
		session(client, dana, may.plus(Duration.ofDays(1)), "DEFLECTED", may.plus(Duration.ofDays(1)), may.plus(Duration.ofDays(3)));
		session(client, dana, may.plus(Duration.ofDays(2)), "ESCALATED", may.plus(Duration.ofDays(2)), null);
		session(client, dana, may.plus(Duration.ofDays(20)), "OPEN", null, null);
		session(client, dana, Instant.parse("2019-06-02T10:00:00Z"), "DEFLECTED", Instant.parse("2019-06-02T10:00:00Z"), null);

		var report = Api.at(port).as("admin@acme.test")
			.get("/api/v1/kpis?client=acme&from=2019-05-01&to=2019-06-01&asOf=2019-07-01T00:00:00Z").json();
		assertKpi(report, "deflection_rate", 3, 4);
		assertKpi(report, "deflection_accuracy", 1, 2);
		var early = Api.at(port).as("admin@acme.test")
			.get("/api/v1/kpis?client=acme&from=2019-05-01&to=2019-06-01&asOf=2019-05-10T00:00:00Z").json();
		assertKpi(early, "deflection_accuracy", 0, 0); // no 7-day window has elapsed by May 10
	}

	long deflected(String question) {
		long id = start(dana(), question).get("id").asLong();
		dana().post(SESSIONS + "/" + id + "/deflect", Map.of());
		return id;
	}

	String recontact(long session) {
		return jdbc.sql("select recontact_by from selfservice_sessions where id = ?").param(session).query(String.class).optional()
			.orElse(null);
	}

	void session(long client, long requester, Instant started, String outcome, Instant ended, Instant recontact) {
		jdbc.sql("""
				insert into selfservice_sessions (client_id, requester_id, question, transcript, outcome, started_at, ended_at, recontact_at)
				values (?, ?, 'fixture', '[]', ?, ?, ?, ?)""")
			.params(client, requester, outcome, java.sql.Timestamp.from(started), ended == null ? null : java.sql.Timestamp.from(ended),
					recontact == null ? null : java.sql.Timestamp.from(recontact))
			.update();
	}

	static void assertKpi(JsonNode report, String kpi, double numerator, double denominator) {
		for (JsonNode v : report.get("kpis")) {
			if (v.get("kpi").asString().equals(kpi)) {
				assertThat(v.get("numerator").asDouble()).as(kpi + " numerator").isEqualTo(numerator);
				assertThat(v.get("denominator").asDouble()).as(kpi + " denominator").isEqualTo(denominator);
				return;
			}
		}
		throw new AssertionError("no " + kpi + " in " + report);
	}
}
