package io.tierline.audit;

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

@IntegrationTest
class AuditLogIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	long openTicket(String subject) {
		var response = as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "globex", "subject", subject,
				"requester", Map.of("email", "sam@shopper.test")));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	@Test
	void recordsCreationAndEveryViewOfATicket() {
		long id = openTicket("audited " + UUID.randomUUID());
		as("t2@northwind.test").get("/api/v1/tickets/" + id);
		as("t2@northwind.test").get("/api/v1/tickets/" + id + "/messages");
		JsonNode entries = as("admin@globex.test").get("/api/v1/audit?org=globex&ticket=" + id).json().get("items");
		assertThat(entries.findValuesAsString("action")).contains("TICKET_CREATED", "TICKET_VIEWED");
		assertThat(entries.findValuesAsString("actor")).contains("t1@northwind.test", "t2@northwind.test");
	}

	@Test
	void reportsAnIntactChain() {
		openTicket("chain " + UUID.randomUUID());
		JsonNode report = as("admin@globex.test").get("/api/v1/audit/verify?org=globex").json();
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("organizations").get(0).get("entries").asLong()).isPositive();
		assertThat(report.get("organizations").get(0).get("unsealed").asLong()).isZero();
	}

	@Test
	void findsTheFirstEntryWhoseContentWasChanged() {
		long id = openTicket("tamper " + UUID.randomUUID());
		as("admin@globex.test").get("/api/v1/audit/verify?org=globex");
		long entry = jdbc.sql("select max(id) from audit_log where ticket_id = ? and action = 'TICKET_CREATED'").param(id).query(Long.class).single();
		String original = jdbc.sql("select actor from audit_log where id = ?").param(entry).query(String.class).single();
		try {
			jdbc.sql("update audit_log set actor = 'nobody@evil.test' where id = ?").param(entry).update();
			JsonNode report = as("admin@globex.test").get("/api/v1/audit/verify?org=globex").json();
			assertThat(report.get("valid").asBoolean()).isFalse();
			JsonNode org = report.get("organizations").get(0);
			assertThat(org.get("firstBrokenEntry").asLong()).isEqualTo(entry);
			assertThat(org.get("reason").asString()).contains("hash");
		}
		finally {
			jdbc.sql("update audit_log set actor = ? where id = ?").params(original, entry).update();
		}
		assertThat(as("admin@globex.test").get("/api/v1/audit/verify?org=globex").json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void noticesARemovedEntry() {
		long id = openTicket("delete " + UUID.randomUUID());
		as("admin@globex.test").get("/api/v1/audit/verify?org=globex");
		var row = jdbc.sql("select * from audit_log where ticket_id = ? and action = 'TICKET_CREATED'").param(id).query().singleRow();
		jdbc.sql("delete from audit_log where id = ?").param(row.get("id")).update();
		try {
			JsonNode org = as("admin@globex.test").get("/api/v1/audit/verify?org=globex").json().get("organizations").get(0);
			assertThat(org.get("valid").asBoolean()).isFalse();
			assertThat(org.get("reason").asString()).contains("missing");
		}
		finally {
			jdbc.sql("insert into audit_log (id, org_id, actor_id, actor, at, action, ticket_id, target, before_state, after_state, chain_seq, prev_hash, hash) values (:id, :org_id, :actor_id, :actor, :at, :action, :ticket_id, :target, :before_state, :after_state, :chain_seq, :prev_hash, :hash)")
				.params(row).update();
		}
	}

	@Test
	void exportsTheOrganizationsLogAsCsvAndJsonLines() {
		long id = openTicket("export " + UUID.randomUUID());
		var csv = as("admin@globex.test").get("/api/v1/audit/export?org=globex&format=csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.text()).startsWith("id,chain_seq,at,organization,actor,action,ticket_id").contains("TICKET_CREATED");
		var jsonl = as("admin@globex.test").get("/api/v1/audit/export?org=globex&format=jsonl");
		String[] lines = jsonl.text().split("\n");
		assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"ticketId\":" + id));
		assertThat(lines[0]).startsWith("{\"id\":");
	}

	@Test
	void anAuditorReadsTheirOwnOrganizationOnly() {
		assertThat(as("auditor@acme.test").get("/api/v1/audit/verify?org=acme").status()).isEqualTo(200);
		assertThat(as("auditor@acme.test").get("/api/v1/audit?org=globex").status()).isEqualTo(403);
		assertThat(as("admin@globex.test").get("/api/v1/audit/export?org=acme&format=csv").status()).isEqualTo(403);
		assertThat(as("t1@northwind.test").get("/api/v1/audit?org=acme").status()).isEqualTo(403);
	}

	@Test
	void refusesAnUnknownExportFormat() {
		var response = as("admin@globex.test").get("/api/v1/audit/export?org=globex&format=xml");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
	}
}
