package io.tierline.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tierline.access.AccessManagement;
import io.tierline.access.OnboardingStage;
import io.tierline.common.Tier;
import io.tierline.routing.internal.RoutingJobs;
import io.tierline.sla.ClockKind;
import io.tierline.sla.SlaEvents.SlaBreached;
import io.tierline.sla.SlaEvents.SlaBreaches;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import io.tierline.ticket.Channel;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.TicketManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: each strategy's picks, eligibility, capacity and availability, fairness under concurrency, reassignment. */
@IntegrationTest
class RoutingIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketManagement tickets;

	@Autowired
	AccessManagement access;

	@Autowired
	RoutingJobs jobs;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MutableClock clock;

	RoutingFixture fx;

	@BeforeEach
	void freshQueue() {
		fx = new RoutingFixture(jdbc, admin());
	}

	Api admin() {
		return Api.at(port).as("admin@northwind.test");
	}

	@Test
	void roundRobinHandsTicketsToEachAgentInTurnAndSaysSo() {
		String a = fx.agent("ann", 20);
		String b = fx.agent("ben", 20);
		String c = fx.agent("cyd", 20);
		fx.strategy("ROUND_ROBIN");
		List<String> picked = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			picked.add(assigneeOf(open("P3", Map.of())));
		}
		assertThat(picked).containsExactly(a, b, c, a, b, c);
		JsonNode assigned = lastAssigned(open("P3", Map.of()));
		assertThat(assigned.get("reason").asString()).isEqualTo("round robin");
		assertThat(assigned.get("strategy").asString()).isEqualTo("ROUND_ROBIN");
		assertThat(assigned.get("assignee").asString()).isEqualTo(a);
	}

	@Test
	void leastLoadedPicksTheAgentWithTheMostRoomCountingSeverity() {
		String a = fx.agent("ann", 20);
		String b = fx.agent("ben", 20);
		fx.strategy("LEAST_LOADED");
		assertThat(assigneeOf(open("P1", Map.of()))).isEqualTo(a); // both idle: the first
		// ann carries a P1 (weight 4): the next three P4s (weight 1 each) go to ben until he carries 3
		assertThat(assigneeOf(open("P4", Map.of()))).isEqualTo(b);
		assertThat(assigneeOf(open("P4", Map.of()))).isEqualTo(b);
		assertThat(assigneeOf(open("P4", Map.of()))).isEqualTo(b);
		assertThat(assigneeOf(open("P4", Map.of()))).isEqualTo(b);
		assertThat(assigneeOf(open("P4", Map.of()))).as("ben 4 of 20, ann 4 of 20: tie on load goes to the lower id").isEqualTo(a);
		assertThat(lastAssigned(open("P4", Map.of())).get("reason").asString()).isEqualTo("least loaded");
	}

	@Test
	void skillsPickTheBestMatchAndNameTheSkillsThatMatched() {
		String a = fx.agent("ann", 20);
		String b = fx.agent("ben", 20);
		String c = fx.agent("cyd", 20);
		skills(a, List.of(Map.of("kind", "LANGUAGE", "skill", "fr", "level", 5)));
		skills(b, List.of(Map.of("kind", "LANGUAGE", "skill", "de", "level", 4), Map.of("kind", "CATEGORY", "skill", "billing", "level", 3)));
		skills(c, List.of(Map.of("kind", "LANGUAGE", "skill", "de", "level", 5)));
		fx.strategy("SKILLS");
		long ticket = open("P3", Map.of("category", "billing", "customFields", Map.of("language", "de")));
		JsonNode assigned = lastAssigned(ticket);
		assertThat(assigned.get("assignee").asString()).isEqualTo(b);
		assertThat(assigned.get("reason").asString()).isEqualTo("skill match: de, billing");
		assertThat(assigneeOf(open("P3", Map.of("tags", List.of("lang:fr"))))).isEqualTo(a);
		JsonNode noMatch = lastAssigned(open("P3", Map.of("customFields", Map.of("language", "ja"))));
		assertThat(noMatch.get("reason").asString()).isEqualTo("least loaded (no skill match)");
		assertThat(noMatch.get("assignee").asString()).as("cyd carries nothing yet").isEqualTo(c);
	}

	@Test
	void capacityAvailabilityShiftsAndTheShadowStageAreRespected() {
		String full = fx.agent("ann", 2);
		String away = fx.agent("ben", 20);
		String shadow = fx.agent("sid", 20);
		String offShift = fx.agent("oli", 20);
		long acme = access.clientBySlug("acme").orElseThrow().id();
		long sid = access.userByEmail(shadow).orElseThrow().id();
		jdbc.sql("insert into agent_clients (user_id, client_id, stage) values (?, ?, ?)").params(sid, acme, OnboardingStage.SHADOW.name()).update();
		admin().put("/api/v1/routing/agents/" + away + "/availability", Map.of("status", "AWAY"));
		// a shift that is never now: one minute long, an hour from now in UTC
		var later = java.time.LocalTime.ofInstant(clock.instant().plus(Duration.ofHours(1)), java.time.ZoneOffset.UTC).withSecond(0).withNano(0);
		var shift = admin().put("/api/v1/routing/agents/" + offShift + "/availability", Map.of("timeZone", "UTC", "shiftStart",
				later.toString(), "shiftEnd", later.plusMinutes(1).toString()));
		assertThat(shift.json().get("onShift").asBoolean()).isFalse();
		fx.strategy("LEAST_LOADED");

		assertThat(assigneeOf(open("P3", Map.of()))).isEqualTo(full);
		long waiting = open("P4", Map.of());
		assertThat(assigneeOf(waiting)).as("ann is full (P3 weighs 2 of 2); nobody else may take it").isNull();

		admin().put("/api/v1/routing/agents/" + away + "/availability", Map.of("status", "AVAILABLE"));
		eventually(() -> assertThat(assigneeOf(waiting)).as("the waiting ticket goes to ben once he is back").isEqualTo(away));
	}

	@Test
	void roundRobinSkipsAFullAgentWhoseLoadIsOnlyReadUnderTheLock() {
		String ann = fx.agent("ann", 2);
		String ben = fx.agent("ben", 20);
		fx.strategy("ROUND_ROBIN");

		assertThat(assigneeOf(open("P3", Map.of()))).isEqualTo(ann);
		assertThat(assigneeOf(open("P3", Map.of()))).isEqualTo(ben);
		assertThat(assigneeOf(open("P3", Map.of()))).as("ann's turn, but P3 weighs 2 and she holds 2 of 2").isEqualTo(ben);
	}

	@Test
	void parallelCreationsNeverOverfillAnAgent() throws Exception {
		String a = fx.agent("ann", 10);
		String b = fx.agent("ben", 10);
		fx.strategy("LEAST_LOADED");
		var dana = access.callerFor(access.userByEmail("dana@customer.test").orElseThrow().id());
		var pool = Executors.newFixedThreadPool(8);
		List<Callable<Long>> creations = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			creations.add(() -> tickets.open(dana, ticket("P3", Map.of()), Channel.WEB, null).ticketId());
		}
		List<Long> ids = new ArrayList<>();
		for (Future<Long> f : pool.invokeAll(creations)) {
			ids.add(f.get());
		}
		pool.shutdown();
		Map<String, Integer> load = new HashMap<>();
		for (long id : ids) {
			String assignee = tickets.find(id).orElseThrow().assignee();
			if (assignee != null) {
				load.merge(assignee, 2, Integer::sum);
			}
		}
		assertThat(load.getOrDefault(a, 0)).isLessThanOrEqualTo(10);
		assertThat(load.getOrDefault(b, 0)).isLessThanOrEqualTo(10);
		eventually(() -> {
			assertThat(load(a)).isEqualTo(10);
			assertThat(load(b)).as("after the waiting tickets are routed both are exactly full").isEqualTo(10);
			assertThat(ids.stream().filter(id -> tickets.find(id).orElseThrow().assignee() == null).count()).isEqualTo(14);
		});
	}

	@Test
	void anAgentGoingAwayHandsTheirTicketsToOthers() {
		String a = fx.agent("ann", 20);
		fx.strategy("ROUND_ROBIN");
		long first = open("P3", Map.of());
		assertThat(assigneeOf(first)).isEqualTo(a);
		String b = fx.agent("ben", 20);
		admin().put("/api/v1/routing/agents/" + a + "/availability", Map.of("status", "AWAY"));
		eventually(() -> {
			JsonNode moved = lastAssigned(first);
			assertThat(moved.get("assignee").asString()).isEqualTo(b);
			assertThat(moved.get("reason").asString()).isEqualTo("agent away; round robin");
		});

		admin().put("/api/v1/routing/agents/" + b + "/availability", Map.of("status", "OFFLINE"));
		eventually(() -> {
			assertThat(assigneeOf(first)).as("nobody left: back in the queue").isNull();
			assertThat(lastAssigned(first).get("reason").asString()).contains("nobody else available");
		});
	}

	@Test
	void anSlaBreachReassignsToSomebodyElseInQueuesThatAskForIt() {
		String a = fx.agent("ann", 20);
		fx.agent("ben", 20);
		fx.strategy("ROUND_ROBIN");
		long ticket = open("P3", Map.of());
		assertThat(assigneeOf(ticket)).isEqualTo(a);
		long acme = access.clientBySlug("acme").orElseThrow().id();
		transaction.executeWithoutResult(tx -> events.publishEvent(new SlaBreaches(acme, List.of(new SlaBreached(ticket, acme,
				ClockKind.FIRST_RESPONSE, Tier.T1, clock.instant(), false, clock.instant())))));
		eventually(() -> {
			JsonNode moved = lastAssigned(ticket);
			assertThat(moved.get("assignee").asString()).isNotEqualTo(a);
			assertThat(moved.get("reason").asString()).isEqualTo("SLA breach (FIRST_RESPONSE); round robin");
		});
	}

	@Test
	void manualQueuesAreLeftAloneAndOnlyLeadsAndAdminsChangeSettings() {
		fx.agent("ann", 20);
		assertThat(assigneeOf(open("P3", Map.of()))).as("no strategy set: manual").isNull();
		var byAgent = Api.at(port).as("t1@northwind.test").put("/api/v1/routing/clients/acme/queues/" + fx.queue,
				Map.of("strategy", "ROUND_ROBIN"));
		assertThat(byAgent.status()).isIn(403, 404);
		var bad = admin().put("/api/v1/routing/clients/acme/queues/" + fx.queue, Map.of("strategy", "RANDOM"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("strategy");
		var globexAdmin = Api.at(port).as("admin@globex.test").get("/api/v1/routing/clients/acme/queues");
		assertThat(globexAdmin.status()).isEqualTo(404);
		var capacity = admin().put("/api/v1/routing/agents/" + fx.agents.get(0) + "/availability", Map.of("capacity", 0));
		assertThat(capacity.status()).isEqualTo(422);
	}

	/**
	 * Works off pending routing and retries the assertion for up to 5 s: the routing worker runs on
	 * its own thread in the test application too and may hold a request this thread then skips.
	 */
	private void eventually(Runnable assertion) {
		AssertionError last = null;
		for (int i = 0; i < 50; i++) {
			jobs.drain();
			try {
				assertion.run();
				return;
			}
			catch (AssertionError e) {
				last = e;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw last;
	}

	private int load(String email) {
		return jdbc.sql("""
				select coalesce(sum(case t.severity when 'P1' then 4 when 'P2' then 3 when 'P3' then 2 else 1 end), 0)
				from tickets t join users u on u.id = t.assignee_id where u.email = ? and t.status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')""")
			.param(email).query(Integer.class).single();
	}

	private void skills(String email, List<Map<String, Object>> skills) {
		var set = admin().put("/api/v1/routing/agents/" + email + "/skills", skills);
		assertThat(set.status()).as(set.text()).isEqualTo(200);
	}

	@SuppressWarnings("unchecked")
	private NewTicket ticket(String severity, Map<String, Object> extra) {
		return new NewTicket("acme", null, "routing " + UUID.randomUUID(), "help", "WEB", severity, (String) extra.get("category"), null,
				fx.queue, null, (List<String>) extra.get("tags"), (Map<String, Object>) extra.get("customFields"));
	}

	private long open(String severity, Map<String, Object> extra) {
		var dana = access.callerFor(access.userByEmail("dana@customer.test").orElseThrow().id());
		return tickets.open(dana, ticket(severity, extra), Channel.WEB, null).ticketId();
	}

	private String assigneeOf(long ticketId) {
		return tickets.find(ticketId).orElseThrow().assignee();
	}

	private JsonNode lastAssigned(long ticketId) {
		JsonNode events = admin().get("/api/v1/tickets/" + ticketId + "/events").json();
		JsonNode last = null;
		for (JsonNode e : events) {
			if (e.get("type").asString().equals("ASSIGNED")) {
				last = JSON.readTree(e.get("data").asString());
			}
		}
		assertThat(last).as("an ASSIGNED event on " + ticketId).isNotNull();
		return last;
	}
}
