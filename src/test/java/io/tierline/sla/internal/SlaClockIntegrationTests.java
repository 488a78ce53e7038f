package io.tierline.sla.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clocks start, pause, resume and stop by the SPEC §4 rules, over HTTP, and their timers fire a
 * warning and a breach once each. The tickets are acme SMS tickets under 24×7 rules this test
 * writes, so the outcome does not depend on the hour the suite runs at.
 */
@IntegrationTest
class SlaClockIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaTimerProcessor timers;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	@BeforeEach
	void smsRulesRunAroundTheClock() {
		JsonNode rules = as("admin@acme.test").get("/api/v1/clients/acme/sla-policy").json().get("rules");
		Map<String, String> wanted = Map.of("FIRST_RESPONSE", "PT1H", "NEXT_RESPONSE", "PT2H", "RESOLUTION", "PT8H",
				"T3_ACKNOWLEDGEMENT", "PT4H", "T3_ROOT_CAUSE", "PT40H");
		wanted.forEach((clockName, target) -> {
			boolean present = false;
			for (JsonNode r : rules) {
				present |= "SMS".equals(r.get("channel").asString(null)) && clockName.equals(r.get("clock").asString())
						&& r.get("severity").isNull();
			}
			if (!present) {
				Map<String, Object> rule = new HashMap<>(Map.of("clock", clockName, "channel", "SMS", "target", target,
						"businessTime", false, "notifyLead", true));
				var added = as("admin@acme.test").post("/api/v1/clients/acme/sla-policy/rules", rule);
				assertThat(added.status()).as(added.text()).isEqualTo(201);
			}
		});
	}

	String openSms(String severity) {
		var ticket = as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "acme", "requester",
				Map.of("email", "dana@customer.test"), "subject", "SLA " + UUID.randomUUID(), "channel", "SMS", "severity", severity,
				"category", "authentication"));
		assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
		return ticket.json().get("number").asString();
	}

	JsonNode clockOf(String ticket, String kind) {
		List<JsonNode> found = clocksOf(ticket, kind);
		assertThat(found).as(kind + " clocks of " + ticket).hasSize(1);
		return found.get(0);
	}

	List<JsonNode> clocksOf(String ticket, String kind) {
		var sla = as("admin@acme.test").get("/api/v1/tickets/" + ticket + "/sla");
		assertThat(sla.status()).as(sla.text()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		sla.json().get("clocks").forEach(c -> {
			if (kind.equals(c.get("clock").asString())) {
				found.add(c);
			}
		});
		return found;
	}

	long eventsOf(String ticket, String type) {
		JsonNode events = as("t1@northwind.test").get("/api/v1/tickets/" + ticket + "/events").json();
		long n = 0;
		for (JsonNode e : events) {
			n += type.equals(e.get("type").asString()) ? 1 : 0;
		}
		return n;
	}

	void fireAllDue() {
		while (timers.fireDue(500) >= 500) {
			// a backlog of earlier tests' clocks drains first
		}
		while (timers.runOneAction()) {
			// breach actions
		}
	}

	static Duration duration(JsonNode clock, String field) {
		return Duration.parse(clock.get(field).asString());
	}

	static Instant instant(JsonNode clock, String field) {
		return Instant.parse(clock.get(field).asString());
	}

	@Test
	void aNewTicketStartsFirstResponseAndResolutionWithThePolicyTargets() {
		String ticket = openSms("P3");
		JsonNode first = clockOf(ticket, "FIRST_RESPONSE");
		assertThat(first.get("state").asString()).isEqualTo("RUNNING");
		assertThat(first.get("target").asString()).isEqualTo("PT1H");
		assertThat(first.get("businessTime").asBoolean()).isFalse();
		Instant started = instant(first, "startedAt");
		assertThat(instant(first, "dueAt")).isEqualTo(started.plus(Duration.ofHours(1)));
		assertThat(instant(first, "warnAt")).isEqualTo(started.plus(Duration.ofMinutes(48)));
		assertThat(clockOf(ticket, "RESOLUTION").get("target").asString()).isEqualTo("PT8H");
		assertThat(clocksOf(ticket, "NEXT_RESPONSE")).isEmpty();
	}

	@Test
	void anAcknowledgementLeavesFirstResponseRunningAndASubstantiveReplyStopsIt() {
		String ticket = openSms("P3");
		var ack = as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/messages",
				Map.of("body", "We got your message", "visibility", "PUBLIC", "kind", "ACKNOWLEDGEMENT"));
		assertThat(ack.status()).as(ack.text()).isEqualTo(201);
		assertThat(clockOf(ticket, "FIRST_RESPONSE").get("state").asString()).isEqualTo("RUNNING");
		as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "An internal thought", "visibility", "INTERNAL"));
		assertThat(clockOf(ticket, "FIRST_RESPONSE").get("state").asString()).isEqualTo("RUNNING");

		clock.advance(Duration.ofMinutes(20));
		as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/messages",
				Map.of("body", "Reset your token under Settings > Security", "visibility", "PUBLIC"));
		JsonNode first = clockOf(ticket, "FIRST_RESPONSE");
		assertThat(first.get("state").asString()).isEqualTo("MET");
		assertThat(first.get("running").asBoolean()).isFalse();
		assertThat(duration(first, "elapsed")).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(21));
		assertThat(clockOf(ticket, "RESOLUTION").get("state").asString()).isEqualTo("RUNNING");
	}

	@Test
	void pendingOnTheRequesterPausesEveryClockAndTheirReplyResumesThem() {
		String ticket = openSms("P3");
		clock.advance(Duration.ofMinutes(10));
		assertThat(as("t1@northwind.test").patch("/api/v1/tickets/" + ticket, Map.of("status", "PENDING")).status()).isEqualTo(200);
		JsonNode paused = clockOf(ticket, "FIRST_RESPONSE");
		assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
		assertThat(paused.get("dueAt").isNull()).isTrue();

		clock.advance(Duration.ofHours(3));
		assertThat(clockOf(ticket, "FIRST_RESPONSE").get("state").asString()).as("three hours pending are not counted").isEqualTo("PAUSED");
		var reply = as("dana@customer.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Here is the screenshot"));
		assertThat(reply.status()).as(reply.text()).isEqualTo(201);

		JsonNode resumed = clockOf(ticket, "FIRST_RESPONSE");
		assertThat(resumed.get("state").asString()).isEqualTo("RUNNING");
		Duration elapsed = duration(resumed, "elapsed");
		assertThat(elapsed).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
		// due = resume instant + the 50 minutes left; the pause never moves a deadline earlier
		Instant due = instant(resumed, "dueAt");
		assertThat(due).isAfter(instant(resumed, "startedAt").plus(Duration.ofHours(4)));
		assertThat(Duration.between(Instant.parse(as("t1@northwind.test").get("/api/v1/tickets/" + ticket + "/sla").json().get("at").asString()), due))
			.isCloseTo(Duration.ofMinutes(50), Duration.ofMinutes(1));
		assertThat(clockOf(ticket, "RESOLUTION").get("state").asString()).isEqualTo("RUNNING");
	}

	@Test
	void aRequesterMessageAfterTheFirstResponseOwesANextResponse() {
		String ticket = openSms("P3");
		as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Try clearing the cache", "visibility", "PUBLIC"));
		assertThat(clocksOf(ticket, "NEXT_RESPONSE")).isEmpty();
		as("dana@customer.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Still broken"));
		JsonNode next = clockOf(ticket, "NEXT_RESPONSE");
		assertThat(next.get("state").asString()).isEqualTo("RUNNING");
		assertThat(next.get("target").asString()).isEqualTo("PT2H");
		as("dana@customer.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Any news?"));
		assertThat(clocksOf(ticket, "NEXT_RESPONSE")).as("one next-response clock runs at a time").hasSize(1);
		as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Fixed on our side", "visibility", "PUBLIC"));
		assertThat(clockOf(ticket, "NEXT_RESPONSE").get("state").asString()).isEqualTo("MET");
	}

	@Test
	void theWarningAndTheBreachFireOnceEachAsTicketEventsAndTheLeadIsTold() {
		String ticket = openSms("P3");
		long leadNoticesBefore = as("lead@northwind.test").get("/api/v1/notifications?limit=200").json().get("unread").asLong();
		clock.advance(Duration.ofMinutes(49));
		fireAllDue();
		fireAllDue();
		assertThat(eventsOf(ticket, "SLA_WARNING")).as("first response passed 80%").isEqualTo(1);
		assertThat(eventsOf(ticket, "SLA_BREACHED")).isZero();
		JsonNode warned = clockOf(ticket, "FIRST_RESPONSE");
		assertThat(warned.get("warned").asBoolean()).isTrue();
		assertThat(warned.get("state").asString()).isEqualTo("RUNNING");

		clock.advance(Duration.ofMinutes(12));
		fireAllDue();
		fireAllDue();
		assertThat(eventsOf(ticket, "SLA_WARNING")).isEqualTo(1);
		assertThat(eventsOf(ticket, "SLA_BREACHED")).isEqualTo(1);
		JsonNode breached = clockOf(ticket, "FIRST_RESPONSE");
		assertThat(breached.get("state").asString()).isEqualTo("BREACHED");
		assertThat(breached.get("running").asBoolean()).as("a breached clock still counts until it is stopped").isTrue();
		assertThat(duration(breached, "remaining")).isNegative();
		assertThat(as("lead@northwind.test").get("/api/v1/notifications?limit=200").json().get("unread").asLong())
			.isGreaterThan(leadNoticesBefore);

		as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Sorry for the wait", "visibility", "PUBLIC"));
		assertThat(clockOf(ticket, "FIRST_RESPONSE").get("state").asString()).as("stopped late stays breached").isEqualTo("BREACHED");
		assertThat(eventsOf(ticket, "SLA_BREACHED")).isEqualTo(1);
	}

	@Test
	void aClockStoppedPastItsDueBeforeTheTimerFiredIsBreachedOnce() {
		String ticket = openSms("P3");
		clock.advance(Duration.ofMinutes(70));
		as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Late answer", "visibility", "PUBLIC"));
		assertThat(clockOf(ticket, "FIRST_RESPONSE").get("state").asString()).isEqualTo("BREACHED");
		fireAllDue();
		assertThat(eventsOf(ticket, "SLA_BREACHED")).isEqualTo(1);
	}

	@Test
	void breachActionsRaiseTheSeverityAndMoveTheTicketToAQueue() {
		var rule = as("admin@acme.test").post("/api/v1/clients/acme/sla-policy/rules", Map.of("clock", "FIRST_RESPONSE", "channel",
				"SMS", "severity", "P4", "target", "PT30M", "businessTime", false, "notifyLead", false, "raiseSeverity", true,
				"reassignQueue", "billing"));
		assertThat(rule.status()).as(rule.text()).isEqualTo(201);
		try {
			String ticket = openSms("P4");
			clock.advance(Duration.ofMinutes(31));
			fireAllDue();
			JsonNode view = as("t1@northwind.test").get("/api/v1/tickets/" + ticket).json();
			assertThat(view.get("severity").asString()).isEqualTo("P3");
			assertThat(view.get("queue").asString()).isEqualTo("billing");
			assertThat(eventsOf(ticket, "SEVERITY_CHANGED")).isEqualTo(1);
			assertThat(eventsOf(ticket, "QUEUE_CHANGED")).isEqualTo(1);
			fireAllDue();
			assertThat(eventsOf(ticket, "SEVERITY_CHANGED")).as("actions run once").isEqualTo(1);
		}
		finally {
			as("admin@acme.test").delete("/api/v1/sla-rules/" + rule.json().get("id").asLong());
		}
	}

	@Test
	void solvingStopsTheClocksAndReopeningStartsANewResolutionClock() {
		String ticket = openSms("P3");
		as("t1@northwind.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Done", "visibility", "PUBLIC"));
		clock.advance(Duration.ofMinutes(30));
		assertThat(as("t1@northwind.test").patch("/api/v1/tickets/" + ticket, Map.of("status", "SOLVED")).status()).isEqualTo(200);
		assertThat(clockOf(ticket, "RESOLUTION").get("state").asString()).isEqualTo("MET");
		assertThat(as("t1@northwind.test").get("/api/v1/tickets/" + ticket).json().get("sla").isNull()).isTrue();

		as("dana@customer.test").post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "It came back"));
		List<JsonNode> resolution = clocksOf(ticket, "RESOLUTION");
		assertThat(resolution).hasSize(2);
		assertThat(resolution.get(0).get("state").asString()).isEqualTo("MET");
		assertThat(resolution.get(1).get("state").asString()).isEqualTo("RUNNING");
		assertThat(duration(resolution.get(1), "elapsed")).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void aT3EscalationStartsAcknowledgementAndAcceptanceStartsTheRootCauseClock() {
		String number = openSms("P3");
		long id = as("t1@northwind.test").get("/api/v1/tickets/" + number).json().get("id").asLong();
		Map<String, Object> body = new HashMap<>(Map.of("stepsAttempted", List.of("Checked"), "environment",
				Map.of("productVersion", "4.12.1", "identityProvider", "Okta", "browser", "Firefox", "accountId", "AC-9"),
				"errorMessages", "InvalidSignature", "reproductionSteps", "Sign in", "customerImpact", "Tenant locked out"));
		body.put("toTier", "T2");
		body.put("criterion", "needs-diagnosis");
		assertThat(as("t1@northwind.test").post("/api/v1/tickets/" + id + "/escalations", body).status()).isEqualTo(201);
		assertThat(clocksOf(number, "T3_ACKNOWLEDGEMENT")).as("T2 is not T3").isEmpty();
		body.put("toTier", "T3");
		body.put("criterion", "reproducible-defect");
		var escalation = as("t2@northwind.test").post("/api/v1/tickets/" + id + "/escalations", body);
		assertThat(escalation.status()).as(escalation.text()).isEqualTo(201);
		JsonNode ack = clockOf(number, "T3_ACKNOWLEDGEMENT");
		assertThat(ack.get("state").asString()).isEqualTo("RUNNING");
		assertThat(ack.get("tier").asString()).isEqualTo("T3");

		clock.advance(Duration.ofMinutes(45));
		var decision = as("eng@acme.test").post("/api/v1/escalations/" + escalation.json().get("id").asLong() + "/decision",
				Map.of("decision", "ACCEPTED", "note", "Reproduced"));
		assertThat(decision.status()).as(decision.text()).isEqualTo(200);
		assertThat(clockOf(number, "T3_ACKNOWLEDGEMENT").get("state").asString()).isEqualTo("MET");
		assertThat(duration(clockOf(number, "T3_ACKNOWLEDGEMENT"), "elapsed").toMinutes()).isEqualTo(45);
		assertThat(clockOf(number, "T3_ROOT_CAUSE").get("state").asString()).isEqualTo("RUNNING");

		as("eng@acme.test").post("/api/v1/tickets/" + id + "/messages",
				Map.of("body", "Root cause: the signing key rotated without the IdP metadata refresh", "visibility", "PUBLIC"));
		assertThat(clockOf(number, "T3_ROOT_CAUSE").get("state").asString()).isEqualTo("MET");
	}

	@Test
	void aPolicyChangeAppliesToNewClocksOnly() {
		String before = openSms("P3");
		long rule = ruleId("FIRST_RESPONSE", "SMS");
		assertThat(as("admin@acme.test").put("/api/v1/sla-rules/" + rule, Map.of("target", "PT3H")).status()).isEqualTo(200);
		try {
			String after = openSms("P3");
			assertThat(clockOf(before, "FIRST_RESPONSE").get("target").asString()).isEqualTo("PT1H");
			assertThat(clockOf(after, "FIRST_RESPONSE").get("target").asString()).isEqualTo("PT3H");
		}
		finally {
			as("admin@acme.test").put("/api/v1/sla-rules/" + rule, Map.of("target", "PT1H"));
		}
	}

	@Test
	void theQueueSortsByNextDueAndShowsTheDueClock() {
		String later = openSms("P3");
		clock.advance(Duration.ofSeconds(1));
		String sooner = openSms("P1");
		JsonNode page = as("t1@northwind.test").get("/api/v1/tickets?client=acme&sort=due&limit=200").json();
		List<Instant> dues = new ArrayList<>();
		List<String> numbers = new ArrayList<>();
		page.get("items").forEach(t -> {
			dues.add(Instant.parse(t.get("sla").get("dueAt").asString()));
			numbers.add(t.get("number").asString());
		});
		assertThat(dues).isSorted();
		if (numbers.contains(later) && numbers.contains(sooner)) {
			assertThat(numbers.indexOf(sooner)).as("P1 answers in 15 minutes").isLessThan(numbers.indexOf(later));
		}
		JsonNode p1 = as("t1@northwind.test").get("/api/v1/tickets/" + sooner).json().get("sla");
		assertThat(p1.get("clock").asString()).isEqualTo("FIRST_RESPONSE");

		JsonNode first = as("t1@northwind.test").get("/api/v1/tickets?client=acme&sort=due&limit=2").json();
		JsonNode second = as("t1@northwind.test").get("/api/v1/tickets?client=acme&sort=due&limit=2&cursor=" + first.get("nextCursor").asString()).json();
		assertThat(Instant.parse(second.get("items").get(0).get("sla").get("dueAt").asString()))
			.isAfterOrEqualTo(Instant.parse(first.get("items").get(1).get("sla").get("dueAt").asString()));
		assertThat(as("t1@northwind.test").get("/api/v1/tickets?sort=priority").status()).isEqualTo(422);
	}

	long ruleId(String clockName, String channel) {
		for (JsonNode r : as("admin@acme.test").get("/api/v1/clients/acme/sla-policy").json().get("rules")) {
			if (clockName.equals(r.get("clock").asString()) && channel.equals(r.get("channel").asString(null)) && r.get("severity").isNull()) {
				return r.get("id").asLong();
			}
		}
		throw new AssertionError("no rule " + clockName + " " + channel);
	}

	@Test
	void policyInputIsCheckedFieldByFieldAndOnlyAdminsChangeIt() {
		var bad = as("admin@acme.test").post("/api/v1/clients/acme/sla-policy/rules",
				Map.of("clock", "LUNCH", "tier", "T9", "target", "4 hours", "reassignQueue", "nowhere"));
		assertThat(bad.status()).isEqualTo(422);
		List<String> fields = new ArrayList<>();
		bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("clock", "tier", "target", "reassignQueue");
		assertThat(as("admin@acme.test").put("/api/v1/clients/acme/sla-settings", Map.of("warningPercent", 100)).status()).isEqualTo(422);

		Map<String, Object> rule = Map.of("clock", "RESOLUTION", "target", "PT1H");
		assertThat(as("t1@northwind.test").post("/api/v1/clients/acme/sla-policy/rules", rule).status()).isEqualTo(403);
		assertThat(as("admin@globex.test").post("/api/v1/clients/acme/sla-policy/rules", rule).status()).isEqualTo(404);
		assertThat(as("admin@globex.test").get("/api/v1/clients/acme/sla-policy").status()).isEqualTo(404);
		assertThat(as("admin@globex.test").put("/api/v1/sla-rules/" + ruleId("FIRST_RESPONSE", "SMS"), Map.of("target", "PT9H")).status())
			.isEqualTo(404);
	}

	@Test
	void clocksAreShownToStaffOfTheClientOnly() {
		String ticket = openSms("P3");
		assertThat(as("dana@customer.test").get("/api/v1/tickets/" + ticket + "/sla").status()).isEqualTo(403);
		assertThat(as("admin@globex.test").get("/api/v1/tickets/" + ticket + "/sla").status()).isEqualTo(404);
		assertThat(as("admin@acme.test").get("/api/v1/tickets/" + ticket + "/sla").status()).isEqualTo(200);
	}

	@Test
	void theTargetEndpointAnswersTheMostSpecificRule() {
		JsonNode p1 = as("t1@northwind.test").get("/api/v1/clients/acme/sla-policy/target?clock=FIRST_RESPONSE&tier=T1&channel=WEB&severity=P1").json();
		assertThat(p1.get("target").asString()).isEqualTo("PT15M");
		assertThat(p1.get("businessTime").asBoolean()).isFalse();
		JsonNode emailP4 = as("t1@northwind.test").get("/api/v1/clients/acme/sla-policy/target?clock=FIRST_RESPONSE&tier=T1&channel=EMAIL&severity=P4").json();
		assertThat(emailP4.get("target").asString()).isEqualTo("PT24H");
		JsonNode chat = as("t1@northwind.test").get("/api/v1/clients/acme/sla-policy/target?clock=FIRST_RESPONSE&tier=T1&channel=CHAT&severity=P3").json();
		assertThat(chat.get("target").asString()).isEqualTo("PT1M");
	}
}
