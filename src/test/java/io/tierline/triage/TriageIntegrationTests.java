package io.tierline.triage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import io.tierline.triage.internal.model.ModelCodec;
import io.tierline.triage.internal.model.TextClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage at intake over real HTTP and a real database, on the demo clients' own solved tickets.
 * Ordered: the rules are tried while no client has a model (demo triage is off in tests), then
 * models are trained. Afterwards automatic application is switched off again for both clients,
 * so other test classes in the shared context see tickets exactly as they were opened.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TriageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.tierline.triage.internal.ModelTraining training;

	private long clientId(String slug) {
		return jdbc.sql("select id from organizations where slug = ?").param(slug).query(Long.class).single();
	}

	Api as(String email) {
		return Api.at(port).as(email);
	}

	@Test
	@Order(1)
	void withoutAModelTheAdminsRulesDecideAndSeverityFollowsTheText() {
		var admin = as("admin@acme.test");
		var rule = admin.post("/api/v1/triage/clients/acme/rules",
				Map.of("keyword", "Zebra-Widget", "category", "billing", "queue", "billing"));
		assertThat(rule.status()).isEqualTo(201);
		long ruleId = rule.json().get("id").asLong();
		try {
			JsonNode matched = open("The zebra-widget page is blank", "Nothing shows since this morning.");
			assertThat(matched.get("category").asString()).isEqualTo("billing");
			assertThat(matched.get("queue").asString()).isEqualTo("billing");
			JsonNode s = suggestion(matched);
			assertThat(s.get("source").asString()).isEqualTo("RULES");
			assertThat(s.get("applied").asBoolean()).isTrue();
			assertThat(s.get("categoryConfidence").asDouble()).isEqualTo(1.0);

			JsonNode down = open("Checkout broken", "Production down for all users since 9:00");
			assertThat(down.get("severity").asString()).as("text says production down").isEqualTo("P1");
			assertThat(down.get("category").isNull()).as("no rule matched").isTrue();
			JsonNode ds = suggestion(down);
			assertThat(ds.get("source").asString()).isEqualTo("NONE");
			assertThat(ds.get("severity").asString()).isEqualTo("P1");
			assertThat(ds.get("severityReason").asString()).contains("production down");

			var bad = admin.post("/api/v1/triage/clients/acme/rules", Map.of("keyword", "", "category", "nope"));
			assertThat(bad.status()).isEqualTo(422);
			assertThat(bad.json().get("errors").toString()).contains("keyword", "category");
			assertThat(as("admin@globex.test").get("/api/v1/triage/clients/acme/rules").status()).isEqualTo(404);
			assertThat(as("t1@northwind.test").get("/api/v1/triage/clients/acme/rules").status()).isEqualTo(403);
			assertThat(admin.put("/api/v1/triage/clients/acme/rules/" + ruleId,
					Map.of("keyword", "zebra-widget", "category", "integrations")).json().get("category").asString())
				.isEqualTo("integrations");
		}
		finally {
			assertThat(admin.delete("/api/v1/triage/clients/acme/rules/" + ruleId).status()).isEqualTo(204);
		}
		assertThat(suggestion(open("zebra-widget again", "still blank")).get("source").asString()).isEqualTo("NONE");
	}

	@Test
	@Order(2)
	void trainingOnDemandShowsItsProgressAndVersions() throws Exception {
		var web = WebSession.signedIn(port, "admin@acme.test");
		String page = web.get("/admin/triage/acme").body();
		assertThat(page).contains("Train now", "Online accuracy", "Rules");
		String fragment = web.submit("/admin/triage/acme", "/admin/triage/acme/training", "").body();
		assertThat(fragment).contains("data-testid=\"triage-progress\"", "<progress");
		assertThat(fragment).containsAnyOf("QUEUED", "TRAINING");
		assertThat(fragment).contains("every 1s");

		JsonNode version = awaitFinished("acme", latestModel("acme").get("id").asLong());
		assertThat(version.get("status").asString()).isEqualTo("READY");
		assertThat(version.get("progress").asDouble()).isEqualTo(1.0);
		assertThat(version.get("trigger").asString()).isEqualTo("ON_DEMAND");
		assertThat(version.get("examples").asInt()).isGreaterThanOrEqualTo(30);
		assertThat(version.get("labels").asString()).contains("authentication", "billing");
		assertThat(version.get("blobBytes").asInt()).isPositive();

		String done = web.get("/admin/triage/acme/models/" + version.get("id").asLong() + "/progress").body();
		assertThat(done).contains("READY", "value=\"100\"").doesNotContain("every 1s");
		assertThat(web.get("/admin/triage/acme").body()).contains("data-testid=\"model-row\"");
		// the API returns the same versions, newest first
		var models = as("admin@acme.test").get("/api/v1/triage/clients/acme/models").json().get("items");
		assertThat(models.get(0).get("id").asLong()).isEqualTo(version.get("id").asLong());
	}

	@Test
	@Order(3)
	void tooLittleHistoryFailsTheTrainingAndTheRulesKeepDeciding() throws Exception {
		var admin = as("admin@globex.test");
		admin.put("/api/v1/triage/clients/globex/settings", Map.of("threshold", 0.8, "minExamples", 100000));
		try {
			var started = admin.post("/api/v1/triage/clients/globex/training", Map.of());
			assertThat(started.status()).isEqualTo(202);
			JsonNode failed = awaitFinished("globex", started.json().get("id").asLong());
			assertThat(failed.get("status").asString()).isEqualTo("FAILED");
			assertThat(failed.get("message").asString()).contains("Too little history");
		}
		finally {
			admin.put("/api/v1/triage/clients/globex/settings", Map.of("threshold", 0.8, "minExamples", 30));
		}
	}

	@Test
	@Order(4)
	void globexsModelIsNeverTrainedOnAcmeTickets() throws Exception {
		String word = "quuxacme" + UUID.randomUUID().toString().substring(0, 6);
		JsonNode acmeTicket = open("Strange " + word + " error in reports", "The " + word + " module crashes.");
		as("t1@northwind.test").patch("/api/v1/tickets/" + acmeTicket.get("id").asLong(),
				Map.of("category", "integrations", "status", "SOLVED"));

		long acmeModel = as("admin@acme.test").post("/api/v1/triage/clients/acme/training", Map.of()).json().get("id").asLong();
		assertThat(awaitFinished("acme", acmeModel).get("status").asString()).isEqualTo("READY");
		long globexModel = as("admin@globex.test").post("/api/v1/triage/clients/globex/training", Map.of()).json().get("id").asLong();
		JsonNode globex = awaitFinished("globex", globexModel);
		assertThat(globex.get("status").asString()).isEqualTo("READY");

		assertThat(classifier(acmeModel).knowsWord(word)).as("acme's model learnt from its ticket").isTrue();
		assertThat(classifier(globexModel).knowsWord(word)).as("globex's model never saw acme's ticket").isFalse();
		long globexSolved = jdbc.sql("select count(*) from tickets t join organizations o on o.id = t.client_id "
				+ "where o.slug = 'globex' and t.status in ('SOLVED', 'CLOSED') and t.category_id is not null").query(Long.class).single();
		assertThat(globex.get("examples").asLong()).isEqualTo(globexSolved);
		assertThat(as("admin@globex.test").get("/api/v1/triage/clients/acme/models/" + acmeModel).status()).isEqualTo(404);
		assertThat(as("admin@acme.test").get("/api/v1/triage/clients/acme/models/" + globexModel).status()).isEqualTo(404);
	}

	@Test
	@Order(5)
	void belowTheThresholdTheAgentIsOfferedTheSuggestionAboveItItIsApplied() throws Exception {
		var admin = as("admin@acme.test");
		admin.put("/api/v1/triage/clients/acme/settings", Map.of("threshold", 1.0, "autoApply", true));
		JsonNode offered = open("Password reset e-mail never arrives", "I asked three times for a reset link.");
		JsonNode s = suggestion(offered);
		assertThat(s.get("source").asString()).isEqualTo("MODEL");
		assertThat(s.get("applied").asBoolean()).isFalse();
		assertThat(s.get("categoryConfidence").asDouble()).isLessThan(1.0);
		assertThat(s.get("modelVersion").asInt()).isPositive();
		assertThat(ticket(offered).get("category").isNull()).as("only offered").isTrue();

		var web = WebSession.signedIn(port, "t1@northwind.test");
		String panel = web.get("/triage/tickets/" + offered.get("id").asLong() + "/suggestion").body();
		assertThat(panel).contains("data-testid=\"triage-accept\"", "offered");
		assertThat(as("dana@customer.test").get(suggestionPath(offered)).status()).as("requesters do not see triage").isEqualTo(404);

		var accepted = as("t1@northwind.test").post(suggestionPath(offered) + "/accept", Map.of());
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("applied").asBoolean()).isTrue();
		assertThat(ticket(offered).get("category").asString()).isEqualTo(s.get("category").asString());
		assertThat(as("t1@northwind.test").post(suggestionPath(offered) + "/accept", Map.of()).status()).isEqualTo(409);
		JsonNode events = as("t1@northwind.test").get("/api/v1/tickets/" + offered.get("id").asLong() + "/events").json();
		assertThat(events.toString()).contains("CATEGORY_CHANGED");

		admin.put("/api/v1/triage/clients/acme/settings", Map.of("threshold", 0.0));
		JsonNode applied = open("Invoice shows the wrong number of seats", "We have 40 seats, not 55.");
		JsonNode as = suggestion(applied);
		assertThat(as.get("applied").asBoolean()).isTrue();
		assertThat(applied.get("category").asString()).as("applied at intake").isEqualTo(as.get("category").asString());
		assertThat(applied.get("queue").asString()).isEqualTo(as.get("queue").asString());
		assertThat(as("t1@northwind.test").get("/triage/tickets/" + applied.get("id").asLong() + "/suggestion").text())
			.doesNotContain("triage-accept");

		admin.put("/api/v1/triage/clients/acme/settings", Map.of("threshold", 0.0, "autoApply", false));
		assertThat(suggestion(open("Invoice wrong again", "Seats.")).get("applied").asBoolean()).as("auto-apply off").isFalse();
		var invalid = admin.put("/api/v1/triage/clients/acme/settings", Map.of("threshold", 1.5));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("threshold");
	}

	@Test
	@Order(6)
	void onlineAccuracyCountsSuggestionsKeptAndChangedAtTheFirstSolve() {
		var admin = as("admin@acme.test");
		admin.put("/api/v1/triage/clients/acme/settings", Map.of("threshold", 0.0, "autoApply", true));
		JsonNode before = admin.get("/api/v1/triage/clients/acme/accuracy").json();

		var t1 = as("t1@northwind.test");
		JsonNode kept = open("SSO login loops back to the sign-in page", "After login we land on the sign-in page again.");
		t1.patch("/api/v1/tickets/" + kept.get("id").asLong(), Map.of("status", "SOLVED"));
		JsonNode changed = open("Dashboard takes 40 seconds to load", "Very slow.");
		String suggested = suggestion(changed).get("category").asString();
		String other = suggested.equals("data-import") ? "billing" : "data-import";
		t1.patch("/api/v1/tickets/" + changed.get("id").asLong(), Map.of("category", other));
		t1.patch("/api/v1/tickets/" + changed.get("id").asLong(), Map.of("status", "SOLVED"));

		assertThat(suggestion(kept).get("outcome").asString()).isEqualTo("KEPT");
		JsonNode c = suggestion(changed);
		assertThat(c.get("outcome").asString()).isEqualTo("CHANGED");
		assertThat(c.get("finalCategory").asString()).isEqualTo(other);

		JsonNode after = admin.get("/api/v1/triage/clients/acme/accuracy").json();
		assertThat(after.get("decided").asLong() - before.get("decided").asLong()).isEqualTo(2);
		assertThat(after.get("kept").asLong() - before.get("kept").asLong()).isEqualTo(1);
		assertThat(after.get("appliedDecided").asLong() - before.get("appliedDecided").asLong()).isEqualTo(2);
		assertThat(after.get("rate").asDouble()).isBetween(0.0, 1.0);
		assertThat(as("auditor@acme.test").get("/api/v1/triage/clients/acme/accuracy").status()).isEqualTo(200);
		assertThat(as("t1@northwind.test").get("/api/v1/triage/clients/acme/accuracy").status()).isEqualTo(403);
		assertThat(as("admin@globex.test").get("/api/v1/triage/clients/acme/accuracy").status()).isEqualTo(404);
	}

	@Test
	@Order(7)
	void theScheduleRetrainsOnlyClientsWithNewSolvedTickets() throws Exception {
		JsonNode fresh = open("Salesforce sync stopped overnight", "No records since 2 am.");
		as("t1@northwind.test").patch("/api/v1/tickets/" + fresh.get("id").asLong(), Map.of("category", "integrations", "status", "SOLVED"));
		long globexBefore = latestModel("globex").get("id").asLong();

		var queued = training.retrainWhereDue();
		assertThat(queued).extracting(v -> v.clientId()).containsExactly(clientId("acme"));
		JsonNode version = awaitFinished("acme", queued.get(0).id());
		assertThat(version.get("status").asString()).isEqualTo("READY");
		assertThat(version.get("trigger").asString()).isEqualTo("SCHEDULED");
		assertThat(latestModel("globex").get("id").asLong()).as("globex had nothing new").isEqualTo(globexBefore);
		assertThat(training.retrainWhereDue()).as("nothing new since").isEmpty();
	}

	@AfterAll
	void offAgainForOtherTests() {
		for (String client : List.of("acme", "globex")) {
			as("admin@" + client + ".test").put("/api/v1/triage/clients/" + client + "/settings",
					Map.of("threshold", 0.8, "autoApply", false, "minExamples", 30));
		}
	}

	private JsonNode open(String subject, String description) {
		var created = as("dana@customer.test").post("/api/v1/tickets",
				Map.of("client", "acme", "subject", subject, "description", description));
		assertThat(created.status()).isEqualTo(201);
		return created.json();
	}

	private JsonNode ticket(JsonNode t) {
		return as("t1@northwind.test").get("/api/v1/tickets/" + t.get("id").asLong()).json();
	}

	private static String suggestionPath(JsonNode t) {
		return "/api/v1/triage/tickets/" + t.get("id").asLong() + "/suggestion";
	}

	private JsonNode suggestion(JsonNode t) {
		var r = as("t1@northwind.test").get(suggestionPath(t));
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json();
	}

	private JsonNode latestModel(String client) {
		return as("admin@" + client + ".test").get("/api/v1/triage/clients/" + client + "/models?limit=1").json().get("items").get(0);
	}

	private JsonNode awaitFinished(String client, long id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (true) {
			JsonNode v = as("admin@" + client + ".test").get("/api/v1/triage/clients/" + client + "/models/" + id).json();
			String status = v.get("status").asString();
			if (status.equals("READY") || status.equals("FAILED") || System.nanoTime() > deadline) {
				return v;
			}
			Thread.sleep(200);
		}
	}

	private TextClassifier classifier(long modelId) {
		byte[] blob = jdbc.sql("select blob from triage_models where id = ?").param(modelId).query((rs, n) -> rs.getBytes(1)).single();
		return ModelCodec.read(blob).get(0);
	}
}
