package io.tierline.escalation;

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
import static io.tierline.escalation.KnownIssueApiIntegrationTests.openTicket;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §3: once fixed, one click replies to every active linked ticket under the ticket page's rules. */
@IntegrationTest
class KnownIssueBulkReplyIntegrationTests {

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

	void fix(long issue, String version) {
		var response = t2.put(ISSUES + "/" + issue, Map.of("title", "fixed issue", "status", "FIXED", "fixedInVersion", version));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
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
}
