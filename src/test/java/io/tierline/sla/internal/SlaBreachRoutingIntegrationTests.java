package io.tierline.sla.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.routing.internal.RoutingJobs;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9 end to end: an SLA breach action moves a ticket to a routed queue, and routing gives it to that queue's agent. */
@IntegrationTest
class SlaBreachRoutingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaTimerProcessor timers;

	@Autowired
	RoutingJobs routing;

	@Autowired
	JdbcClient jdbc;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	@Test
	void aTicketMovedByABreachActionIsRoutedInItsNewQueue() throws Exception {
		String queue = "escalated-" + UUID.randomUUID().toString().substring(0, 8);
		String agent = queue + "@northwind.test";
		var admin = as("admin@northwind.test");
		assertThat(admin.post("/api/v1/routing/clients/acme/queues", Map.of("slug", queue, "name", "Escalated")).status()).isEqualTo(201);
		long northwind = jdbc.sql("select id from organizations where slug = 'northwind'").query(Long.class).single();
		long acme = jdbc.sql("select id from organizations where slug = 'acme'").query(Long.class).single();
		jdbc.sql("insert into users (email, name, org_id, active, created_at) values (?, 'Esme', ?, true, ?)").params(agent, northwind, Instant.now()).update();
		long user = jdbc.sql("select id from users where email = ?").param(agent).query(Long.class).single();
		long queueId = jdbc.sql("select id from queues where client_id = ? and slug = ?").params(acme, queue).query(Long.class).single();
		jdbc.sql("insert into grants (user_id, client_id, queue_id, tier) values (?, ?, ?, 'T1')").params(user, acme, queueId).update();
		jdbc.sql("insert into teams (org_id, name, kind) values (?, ?, 'EXTERNAL')").params(northwind, "Team " + queue).update();
		long team = jdbc.sql("select id from teams where name = ?").param("Team " + queue).query(Long.class).single();
		jdbc.sql("insert into team_members (team_id, user_id) values (?, ?)").params(team, user).update();
		assertThat(admin.put("/api/v1/routing/agents/" + agent + "/availability", Map.of("status", "AVAILABLE")).status()).isEqualTo(200);
		assertThat(admin.put("/api/v1/routing/clients/acme/queues/" + queue, Map.of("strategy", "ROUND_ROBIN", "teams",
				List.of("Team " + queue))).status()).isEqualTo(200);
		var rule = as("admin@acme.test").post("/api/v1/clients/acme/sla-policy/rules", Map.of("clock", "FIRST_RESPONSE", "channel", "SMS",
				"severity", "P2", "target", "PT30M", "businessTime", false, "notifyLead", false, "raiseSeverity", false, "reassignQueue", queue));
		assertThat(rule.status()).as(rule.text()).isEqualTo(201);
		try {
			var ticket = as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "acme", "requester", Map.of("email",
					"dana@customer.test"), "subject", "SLA routing " + UUID.randomUUID(), "channel", "SMS", "severity", "P2"));
			assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
			String number = ticket.json().get("number").asString();
			clock.advance(Duration.ofMinutes(31));
			while (timers.fireDue(500) >= 500) {
				// earlier tests' clocks drain first
			}
			while (timers.runOneAction()) {
				// breach actions: the move to the routed queue
			}
			JsonNode view = null;
			for (int i = 0; i < 50; i++) { // the routing worker may be working the request on its own thread
				routing.drain();
				view = as("t1@northwind.test").get("/api/v1/tickets/" + number).json();
				if (!view.get("assignee").isNull()) {
					break;
				}
				Thread.sleep(100);
			}
			assertThat(view.get("queue").asString()).isEqualTo(queue);
			assertThat(view.get("assignee").asString()).isEqualTo(agent);
			String reason = null;
			for (JsonNode e : as("t1@northwind.test").get("/api/v1/tickets/" + number + "/events").json()) {
				if (e.get("type").asString().equals("ASSIGNED")) {
					reason = JsonMapper.builder().build().readTree(e.get("data").asString()).get("reason").asString();
				}
			}
			assertThat(reason).isEqualTo("moved to another queue; round robin");
		}
		finally {
			as("admin@acme.test").delete("/api/v1/sla-rules/" + rule.json().get("id").asLong());
		}
	}
}
