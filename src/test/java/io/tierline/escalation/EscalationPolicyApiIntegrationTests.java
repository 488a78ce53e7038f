package io.tierline.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's tier model through the API: who reads it, who changes it, and that changes apply to new escalations. */
@IntegrationTest
class EscalationPolicyApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	static List<String> fields(Api.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	@Test
	void staffOfTheClientReadThePolicyOthersDoNotSeeIt() {
		JsonNode policy = as("t1@northwind.test").get("/api/v1/clients/acme/escalation-policy").json();
		assertThat(policy.get("client").asString()).isEqualTo("acme");
		assertThat(policy.get("settings").get("p1DirectToT3").asBoolean()).isTrue();
		assertThat(policy.get("categories")).hasSize(5);
		List<String> codes = new ArrayList<>();
		policy.get("criteria").forEach(c -> codes.add(c.get("code").asString()));
		assertThat(codes).contains("needs-diagnosis", "reproducible-defect", "p1-widespread", "vendor-defect");

		assertThat(as("admin@globex.test").get("/api/v1/clients/acme/escalation-policy").status()).isEqualTo(404);
		assertThat(as("dana@customer.test").get("/api/v1/clients/acme/escalation-policy").status()).isEqualTo(404);
		assertThat(as("t1@northwind.test").get("/api/v1/clients/nope/escalation-policy").status()).isEqualTo(404);
	}

	@Test
	void onlyTheClientsAdminsChangeIt() {
		var settings = Map.of("p1DirectToT3", false, "knownIssueThreshold", 4);
		assertThat(as("t2@northwind.test").put("/api/v1/clients/globex/escalation-settings", settings).status()).isEqualTo(403);
		assertThat(as("eng@acme.test").put("/api/v1/clients/acme/escalation-settings", settings).status()).isEqualTo(403);
		assertThat(as("admin@acme.test").put("/api/v1/clients/globex/escalation-settings", settings).status()).isEqualTo(404);
		assertThat(as("auditor@acme.test").put("/api/v1/clients/acme/escalation-settings", settings).status()).isEqualTo(403);
	}

	@Test
	void settingsAreValidatedAndAudited() {
		assertThat(fields(as("admin@globex.test").put("/api/v1/clients/globex/escalation-settings",
				Map.of("knownIssueThreshold", 0, "engineeringContact", "not-an-address"))))
			.containsExactlyInAnyOrder("knownIssueThreshold", "engineeringContact");
		var saved = as("admin@globex.test").put("/api/v1/clients/globex/escalation-settings",
				Map.of("knownIssueThreshold", 5, "engineeringContact", "eng@globex.test"));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("engineeringContact").asString()).isEqualTo("eng@globex.test");
		assertThat(saved.json().get("p1DirectToT3").asBoolean()).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'ESCALATION_SETTINGS_CHANGED' and actor = 'admin@globex.test'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void aCaptureTemplateIsCheckedFieldByField() {
		var body = Map.of("handling", "OWNED", "fields", List.of(
				Map.of("key", "Bad Key", "label", "x", "type", "TEXT"),
				Map.of("key", "choice", "label", "Pick", "type", "CHOICE", "options", List.of("only")),
				Map.of("key", "kind", "label", "Kind", "type", "COLOUR"),
				Map.of("key", "choice", "label", "Again", "type", "TEXT")));
		assertThat(fields(as("admin@globex.test").put("/api/v1/clients/globex/categories/performance/escalation-policy", body)))
			.containsExactlyInAnyOrder("ownerTier", "fields[0].key", "fields[1].options", "fields[2].type", "fields[3].key");
		assertThat(as("admin@globex.test").put("/api/v1/clients/globex/categories/nope/escalation-policy", body).status())
			.isEqualTo(404);
	}

	@Test
	void aNewTemplateAppliesToTheNextEscalation() {
		Api admin = as("admin@globex.test");
		JsonNode before = admin.get("/api/v1/clients/globex/escalation-policy").json();
		JsonNode performance = null;
		for (JsonNode c : before.get("categories")) {
			if (c.get("slug").asString().equals("performance")) {
				performance = c;
			}
		}
		try {
			var saved = admin.put("/api/v1/clients/globex/categories/performance/escalation-policy", Map.of("handling", "ESCALATE",
					"fields", List.of(Map.of("key", "traceId", "label", "Trace id", "type", "TEXT", "required", true))));
			assertThat(saved.status()).as(saved.text()).isEqualTo(200);
			long ticket = as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "globex", "requester",
					Map.of("email", "sam@shopper.test"), "subject", "slow " + UUID.randomUUID(), "category", "performance"))
				.json().get("id").asLong();
			var escalation = Map.of("toTier", "T2", "criterion", "needs-diagnosis", "stepsAttempted", List.of("checked"),
					"environment", Map.of("productVersion", "1.0"), "errorMessages", "none", "customerImpact", "slow");
			assertThat(fields(as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/escalations", escalation)))
				.containsExactlyInAnyOrder("environment.traceId", "environment.productVersion");
		}
		finally {
			List<Map<String, Object>> fields = new ArrayList<>();
			performance.get("environmentTemplate").forEach(f -> {
				List<String> options = new ArrayList<>();
				f.get("options").forEach(o -> options.add(o.asString()));
				fields.add(Map.of("key", f.get("key").asString(), "label", f.get("label").asString(), "type",
						f.get("type").asString(), "required", f.get("required").asBoolean(), "options", options));
			});
			assertThat(admin.put("/api/v1/clients/globex/categories/performance/escalation-policy",
					Map.of("handling", "ESCALATE", "fields", fields)).status()).isEqualTo(200);
		}
	}

	@Test
	void criteriaAreCreatedValidatedAndRetiredNotDeleted() {
		Api admin = as("admin@globex.test");
		String code = "crit-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(fields(admin.post("/api/v1/clients/globex/escalation-criteria",
				Map.of("code", "Bad Code", "toTiers", List.of("T1", "T9"), "category", "nope", "minCustomersAffected", 0))))
			.contains("code", "name", "toTiers", "category", "minCustomersAffected");
		var created = admin.post("/api/v1/clients/globex/escalation-criteria", Map.of("code", code, "name", "Needs a DBA",
				"toTiers", List.of("T3"), "category", "data-import", "maxSeverity", "P2"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode c = created.json();
		assertThat(c.get("category").asString()).isEqualTo("data-import");
		assertThat(c.get("maxSeverity").asString()).isEqualTo("P2");
		assertThat(admin.post("/api/v1/clients/globex/escalation-criteria", Map.of("code", code, "name", "again",
				"toTiers", List.of("T3"))).status()).isEqualTo(409);
		assertThat(as("admin@acme.test").delete("/api/v1/escalation-criteria/" + c.get("id").asLong()).status()).isEqualTo(404);
		var retired = admin.delete("/api/v1/escalation-criteria/" + c.get("id").asLong());
		assertThat(retired.status()).isEqualTo(200);
		assertThat(retired.json().get("active").asBoolean()).isFalse();
		assertThat(retired.json().get("category").asString()).isEqualTo("data-import");
	}
}
