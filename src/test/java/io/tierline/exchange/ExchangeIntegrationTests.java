package io.tierline.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §14 over the API. Each test imports the fixture under its own external ids and in its own
 * year, so the tests share the application (and its database) without seeing each other's tickets.
 */
@IntegrationTest
class ExchangeIntegrationTests {

	static final String IMPORT = "/api/v1/import/tickets";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api admin;

	@BeforeEach
	void setUp() {
		admin = Api.at(port).as("admin@northwind.test");
	}

	/** The fixture with its external ids made unique and its dates moved to {@code year}. */
	static String fixture(String year) {
		try (var in = ExchangeIntegrationTests.class.getResourceAsStream("/exchange/history.jsonl")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.replace("\"ZD-", "\"ZD" + UUID.randomUUID().toString().substring(0, 8) + "-").replace("\"2020-", "\"" + year + "-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Api.Response importLines(Api as, String body) {
		return as.postRaw(IMPORT, "application/x-ndjson", body);
	}

	String export(Api as, String client, String year) {
		var response = as.get("/api/v1/export/tickets?client=" + client + "&from=" + year + "-01-01&to=" + (Integer.parseInt(year) + 1)
				+ "-01-01");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
		return response.text();
	}

	static void assertCounts(Api.Response response, int imported, int duplicates, int rejected) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("imported").asInt()).as(response.text()).isEqualTo(imported);
		assertThat(report.get("duplicates").asInt()).as(response.text()).isEqualTo(duplicates);
		assertThat(report.get("rejected").asInt()).as(response.text()).isEqualTo(rejected);
	}

	@Autowired
	io.tierline.kpi.internal.KpiProjection projection;

	@Test
	void importedTicketsCountInTheKpisAndTheAuditLogLikeAnyOther() {
		String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		assertCounts(importLines(admin, fixture("2007").replace("SSO login loops", "SSO login loops " + word)), 4, 0, 0);
		projection.catchUp();
		JsonNode report = admin.get("/api/v1/kpis?client=acme&from=2007-01-01&to=2008-01-01&asOf=2008-06-01T00:00:00Z").json();
		// the fixture: three tickets solved (one reopened and solved again), two CSAT answers
		assertThat(kpi(report, "reopen_rate").get("denominator").asInt()).isEqualTo(3);
		assertThat(kpi(report, "reopen_rate").get("numerator").asInt()).isEqualTo(1);
		assertThat(kpi(report, "csat").get("denominator").asInt()).isEqualTo(2);
		String audit = Api.at(port).as("admin@acme.test").get("/api/v1/audit?org=acme&limit=50").text();
		assertThat(audit).contains("TICKETS_IMPORTED");
		// and search finds the solved one, once the index followed the import
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
		String hits;
		do {
			hits = admin.get("/api/v1/search?client=acme&type=ticket&q=" + word).text();
		}
		while (!hits.contains("SSO login loops") && java.time.Instant.now().isBefore(deadline) && pause());
		assertThat(hits).contains("SSO login loops");
	}

	static boolean pause() {
		try {
			Thread.sleep(200);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static JsonNode kpi(JsonNode report, String name) {
		for (JsonNode v : report.get("kpis")) {
			if (v.get("kpi").asString().equals(name)) {
				return v;
			}
		}
		throw new AssertionError("no " + name + " in " + report);
	}

	@Test
	void aFileOfManyBatchesStoredSideBySideKeepsDuplicatesAndFollowUpsRight() {
		String template = fixture("2008").lines().filter(l -> l.contains("-2002\"")).findFirst().orElseThrow();
		String prefix = "MB" + UUID.randomUUID().toString().substring(0, 6) + "-";
		StringBuilder body = new StringBuilder();
		int unique = 3600;
		for (int i = 1; i <= unique; i++) {
			String line = template.replaceFirst("\"externalId\":\"[^\"]+\"", "\"externalId\":\"" + prefix + i + "\"");
			// every third a follow-up (more than a batch of them: stored once the tickets before them are),
			// every ninth a follow-up of a follow-up
			if (i % 3 == 0) {
				line = line.replace("\"followUpOf\":null", "\"followUpOf\":\"" + prefix + (i - (i % 9 == 0 ? 3 : 1)) + "\"");
			}
			body.append(line).append('\n');
			if (i % 300 == 0) {
				body.append(line.replace("\"" + prefix + i + "\"", "\"" + prefix + (i - 150) + "\"")).append('\n'); // a duplicate from an earlier batch
			}
		}
		assertCounts(importLines(admin, body.toString()), unique, unique / 300, 0);
		long linked = jdbc.sql("select count(*) from tickets where external_id like ? and follow_up_of is not null").param(prefix + "%")
			.query(Long.class).single();
		assertThat(linked).isEqualTo(unique / 3);
		long chained = jdbc.sql("""
				select count(*) from tickets t join tickets o on o.id = t.follow_up_of
				where t.external_id like ? and o.follow_up_of is not null""").param(prefix + "%").query(Long.class).single();
		assertThat(chained).isEqualTo(unique / 9);
		assertCounts(importLines(admin, body.toString()), 0, unique + unique / 300, 0);
	}

	@Test
	void exportsAnImportedHistoryExactlyAsItCameIn() {
		String lines = fixture("2011");
		assertCounts(importLines(admin, lines), 4, 0, 0);
		assertThat(export(admin, "acme", "2011")).isEqualTo(lines);
	}

	@Test
	void exportImportExportGivesIdenticalBytes() {
		assertCounts(importLines(admin, fixture("2012")), 4, 0, 0);
		String first = export(admin, "acme", "2012");
		deleteTicketsOf("acme", "2012");
		assertThat(export(admin, "acme", "2012")).isEmpty();

		assertCounts(importLines(admin, first), 4, 0, 0);
		assertThat(export(admin, "acme", "2012").getBytes(StandardCharsets.UTF_8)).isEqualTo(first.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void importingTheSameHistoryTwiceSkipsEveryTicketAsADuplicate() {
		String lines = fixture("2013");
		assertCounts(importLines(admin, lines), 4, 0, 0);
		assertCounts(importLines(admin, lines), 0, 4, 0);
		assertThat(export(admin, "acme", "2013")).isEqualTo(lines);
	}

	@Test
	void reportsEachBadLineWithItsNumberAndReasonAndImportsTheOthers() {
		String good = fixture("2014").lines().filter(l -> l.contains("ZD") && l.contains("-2002\"")).findFirst().orElseThrow();
		String body = String.join("\n", List.of(
				good,
				"{not json",
				good.replace("-2002\"", "-bad1\"").replace("\"subject\":\"Invoice shows the wrong plan\",", ""),
				good.replace("-2002\"", "-bad2\"").replace("\"client\":\"acme\"", "\"client\":\"nowhere\""),
				good.replace("-2002\"", "-bad3\"").replace("\"billing\"", "\"no-such-category\""),
				good.replace("-2002\"", "-bad4\"").replace("\"events\":[]",
						"\"events\":[{\"at\":\"2014-04-03T16:00:00Z\",\"type\":\"CSAT\",\"score\":9}]"),
				good.replace("-2002\"", "-bad5\"").replace("\"events\":[]",
						"\"events\":[{\"at\":\"2014-04-03T16:00:00Z\",\"type\":\"ASSIGNED\",\"actor\":\"ghost@northwind.test\"}]"),
				good.replace("-2002\"", "-bad6\"").replace("\"PHONE\"", "\"FAX\""),
				good.replace("-2002\"", "-bad7\"").replace("\"followUpOf\":null", "\"followUpOf\":\"ZD-never\""),
				"",
				good.replace("-2002\"", "-2003\"")));
		var response = importLines(admin, body);

		assertCounts(response, 2, 0, 8);
		JsonNode errors = response.json().get("errors");
		assertThat(errors).hasSize(8);
		assertThat(errors.get(0).get("line").asInt()).isEqualTo(2);
		assertThat(errors.get(0).get("reason").asString()).startsWith("not valid JSON");
		assertThat(reason(errors, 3)).isEqualTo("subject is required");
		assertThat(reason(errors, 4)).contains("client 'nowhere' is unknown");
		assertThat(reason(errors, 5)).contains("category 'no-such-category' is unknown");
		assertThat(reason(errors, 6)).contains("events[0].score must be a whole number from 1 to 5");
		assertThat(reason(errors, 7)).contains("ghost@northwind.test is not a Tierline user");
		assertThat(reason(errors, 8)).contains("channel 'FAX' is not one of");
		assertThat(reason(errors, 9)).contains("followUpOf 'ZD-never'");
	}

	static String reason(JsonNode errors, int line) {
		for (JsonNode e : errors) {
			if (e.get("line").asInt() == line) {
				return e.get("reason").asString();
			}
		}
		throw new AssertionError("no error for line " + line + " in " + errors);
	}

	@Test
	void aClientAdminImportsAndExportsOnlyTheirOwnClient() {
		String lines = fixture("2015");
		var globexAdmin = Api.at(port).as("admin@globex.test");
		var response = importLines(globexAdmin, lines);
		assertCounts(response, 0, 0, 4);
		assertThat(reason(response.json().get("errors"), 1)).isEqualTo("client 'acme' is unknown or you may not import into it");
		assertThat(globexAdmin.get("/api/v1/export/tickets?client=acme").status()).isEqualTo(404);

		var acmeAdmin = Api.at(port).as("admin@acme.test");
		assertCounts(importLines(acmeAdmin, lines), 4, 0, 0);
		assertThat(export(acmeAdmin, "acme", "2015")).isEqualTo(lines);
	}

	@Test
	void peopleWhoAdministerNoClientMayNotImport() {
		var response = importLines(Api.at(port).as("t1@northwind.test"), fixture("2016"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Api.at(port).as("t1@northwind.test").get("/api/v1/export/tickets?client=acme").status()).isEqualTo(404);
	}

	@Test
	void aBodyWithoutLinesOrABadWindowIsAProblemAsAWhole() {
		var empty = importLines(admin, "\n\n");
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
		assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("body");

		var window = admin.get("/api/v1/export/tickets?client=acme&from=yesterday");
		assertThat(window.status()).isEqualTo(422);
		assertThat(window.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
	}

	@Test
	void importedTicketsTakeTheirStateAndEventDataFromTheHistory() {
		String lines = fixture("2017");
		assertCounts(importLines(admin, lines), 4, 0, 0);
		String spec = lines.lines().findFirst().orElseThrow();
		String externalId = spec.substring(spec.indexOf("ZD"), spec.indexOf("-1042") + 5);
		Map<String, Object> row = jdbc.sql("select * from tickets where external_id = ?").param(externalId).query().singleRow();
		assertThat(row.get("status")).isEqualTo("SOLVED");
		assertThat(row.get("tier")).isEqualTo("T2");
		assertThat(row.get("number")).isNotNull();
		long id = ((Number) row.get("id")).longValue();

		List<String> data = jdbc.sql("select type || ' ' || coalesce(data, '{}') from ticket_events where ticket_id = ? order by at, id")
			.param(id).query(String.class).list();
		assertThat(data.get(0)).isEqualTo("CREATED {\"channel\":\"EMAIL\",\"severity\":\"P3\",\"tier\":\"T1\"}");
		assertThat(data).contains("ESCALATION_DECIDED {\"decision\":\"RETURNED\",\"tier\":\"T3\",\"reason\":\"RESOLVABLE_AT_LOWER_TIER\",\"fromTier\":\"T3\",\"toTier\":\"T2\"}",
				"STATUS {\"status\":\"SOLVED\",\"from\":\"NEW\"}", "STATUS {\"status\":\"SOLVED\",\"from\":\"OPEN\"}", "REOPENED {}",
				"ASSIGNED {\"assignee\":\"t1@northwind.test\",\"tier\":\"T1\"}", "TIME_LOGGED {\"tier\":\"T2\",\"minutes\":35}",
				"CSAT {\"score\":4}", "KNOWLEDGE_LINKED {\"article\":\"KB-77\",\"action\":\"UPDATED\"}");
		assertThat(data).anyMatch(d -> d.matches("MESSAGE \\{\"visibility\":\"PUBLIC\",\"kind\":\"ACKNOWLEDGEMENT\",\"messageId\":\\d+}"));

		var ticket = admin.get("/api/v1/tickets/ACME-" + row.get("number"));
		assertThat(ticket.status()).as(ticket.text()).isEqualTo(200);
	}

	@Test
	void ticketsCreatedInTierlineExportUnderTheirReferenceAndDoNotImportTwice() {
		String subject = "Exported " + UUID.randomUUID();
		var created = Api.at(port).as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "acme", "requester",
				Map.of("email", "dana@customer.test", "name", "Dana"), "subject", subject, "description", "Printer on fire.",
				"channel", "EMAIL", "severity", "P2"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String reference = created.json().get("number").asString();

		String line = admin.get("/api/v1/export/tickets?client=acme&from=2026-01-01").text().lines()
			.filter(l -> l.contains(subject)).findFirst().orElseThrow();
		assertThat(line).startsWith("{\"externalId\":\"" + reference + "\",\"client\":\"acme\"")
			.contains("\"type\":\"MESSAGE\",\"actor\":\"dana@customer.test\",\"visibility\":\"PUBLIC\",\"body\":\"Printer on fire.\"");
		assertCounts(importLines(admin, line), 0, 1, 0);
	}

	/** Imported history starts no SLA clocks and has no other rows, so deleting it is clean. */
	void deleteTicketsOf(String client, String year) {
		String tickets = "select t.id from tickets t join organizations o on o.id = t.client_id where o.slug = '" + client
				+ "' and t.external_id is not null and t.created_at >= timestamp with time zone '" + year
				+ "-01-01 00:00:00+00' and t.created_at < timestamp with time zone '" + (Integer.parseInt(year) + 1) + "-01-01 00:00:00+00'";
		List<Long> ids = jdbc.sql(tickets).query(Long.class).list();
		jdbc.sql("delete from ticket_events where ticket_id in (:ids)").param("ids", ids).update();
		jdbc.sql("delete from messages where ticket_id in (:ids)").param("ids", ids).update();
		jdbc.sql("update tickets set follow_up_of = null where id in (:ids)").param("ids", ids).update();
		jdbc.sql("delete from tickets where id in (:ids)").param("ids", ids).update();
	}
}
