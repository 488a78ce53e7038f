package io.tierline.kpi;

import java.time.Duration;
import java.time.Instant;

import io.tierline.access.AccessManagement;
import io.tierline.kpi.internal.KpiProjection;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.tierline.kpi.TicketHistoryFixture.at;
import static io.tierline.kpi.TicketHistoryFixture.days;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7 KPIs over hand-computed histories, one edge case of issue 6 per test. Each test has a
 * client of its own; the period is March 2026 and asOf is given explicitly.
 */
@IntegrationTest
class KpiEngineIntegrationTests {

	static final String T1 = "t1@northwind.test";
	static final String T2 = "t2@northwind.test";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessManagement access;

	@Autowired
	KpiProjection projection;

	TicketHistoryFixture history;

	@BeforeEach
	void newClient() {
		history = new TicketHistoryFixture(jdbc, access);
	}

	JsonNode kpis(Instant asOf, String groupBy) {
		projection.catchUp();
		var response = Api.at(port).as("admin@northwind.test").get("/api/v1/kpis?client=" + history.client
				+ "&from=2026-03-01&to=2026-04-01&asOf=" + asOf + (groupBy == null ? "" : "&groupBy=" + groupBy));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	static JsonNode kpi(JsonNode report, String kpi, String group) {
		for (JsonNode value : report.get("kpis")) {
			if (value.get("kpi").asString().equals(kpi) && value.get("group").asString().equals(group)) {
				return value;
			}
		}
		throw new AssertionError("no " + kpi + " for " + group + " in " + report);
	}

	static void assertKpi(JsonNode report, String kpi, double numerator, double denominator) {
		JsonNode value = kpi(report, kpi, "all");
		assertThat(value.get("numerator").asDouble()).as(kpi + " numerator").isEqualTo(numerator);
		assertThat(value.get("denominator").asDouble()).as(kpi + " denominator").isEqualTo(denominator);
		if (denominator == 0) {
			assertThat(value.get("value").isNull()).as(kpi + " value").isTrue();
		}
		else {
			assertThat(value.get("value").asDouble()).as(kpi + " value").isCloseTo(numerator / denominator, org.assertj.core.data.Offset.offset(0.0001));
		}
	}

	@Test
	void aTicketWhoseWindowHasNotElapsedCountsInNeitherFcrNumeratorNorDenominator() {
		long ticket = history.ticket(days(0));
		history.solved(ticket, T1, days(1));

		var early = kpis(days(7.5), null); // solved on day 1: its 7-day window ends on day 8
		assertKpi(early, "fcr", 0, 0);
		assertKpi(early, "reopen_rate", 0, 1);

		var late = kpis(days(8), null);
		assertKpi(late, "fcr", 1, 1);
	}

	@Test
	void aTicketReopenedAndSolvedAgainCountsOnceByItsFirstSolveAndIsNoFirstContactResolution() {
		long reopened = history.ticket(days(0));
		history.solved(reopened, T1, days(1));
		history.reopened(reopened, days(3));
		history.solved(reopened, T1, days(4));
		long clean = history.ticket(days(0));
		history.solved(clean, T1, days(2));
		long reopenedLate = history.ticket(days(0));
		history.solved(reopenedLate, T1, days(2));
		history.reopened(reopenedLate, days(10)); // after the window: not a reopen for the KPIs
		history.solved(reopenedLate, T1, days(11));

		var report = kpis(days(20), null);
		assertKpi(report, "fcr", 2, 3);
		assertKpi(report, "reopen_rate", 1, 3);
		assertKpi(kpis(days(2.5), null), "reopen_rate", 0, 3); // the reopen of day 3 had not happened yet
		assertKpi(kpis(days(1.5), null), "reopen_rate", 0, 1); // only the first ticket was solved by then
	}

	@Test
	void aFollowUpCreatedWithinTheWindowSpoilsFcrOfTheOriginal() {
		long original = history.ticket(days(0));
		history.solved(original, T1, days(1));
		history.ticket("EMAIL", days(5), original); // follow-up on day 5, within 7 days of the solve
		long laterOriginal = history.ticket(days(0));
		history.solved(laterOriginal, T1, days(1));
		history.ticket("EMAIL", days(9), laterOriginal); // after the window

		var report = kpis(days(20), null);
		assertKpi(report, "fcr", 1, 2);
		assertKpi(report, "reopen_rate", 0, 2);
	}

	@Test
	void anEscalationReturnedByT3CountsAgainstAccuracyAndTheTicketResolvesAtTheTierItWentBackTo() {
		long returned = history.ticket(days(0));
		history.escalated(returned, T1, "T1", "T2", at(Duration.ofHours(1)));
		history.escalated(returned, T2, "T2", "T3", at(Duration.ofHours(3)));
		history.returned(returned, "T2", at(Duration.ofHours(5)));
		history.solved(returned, T2, at(Duration.ofHours(6)));
		long accepted = history.ticket(days(0));
		history.escalated(accepted, T1, "T1", "T2", at(Duration.ofMinutes(30)));
		history.escalated(accepted, T2, "T2", "T3", at(Duration.ofMinutes(90)));
		history.accepted(accepted, at(Duration.ofHours(2)));
		history.solved(accepted, "eng@acme.test", at(Duration.ofHours(8)));
		long stayed = history.ticket(days(0));
		history.solved(stayed, T1, at(Duration.ofHours(1)));

		var report = kpis(days(20), null);
		assertKpi(report, "escalation_accuracy", 1, 2);
		assertKpi(report, "escalation_rate_T1", 2, 3);
		assertKpi(report, "escalation_rate_T2", 2, 2);
		assertKpi(report, "escalation_rate_T3", 0, 2);
		assertKpi(report, "mean_time_to_escalate_T1_minutes", 60 + 30, 2); // (60 + 30) / 2 = 45 minutes
		assertKpi(report, "mean_time_to_escalate_T2_minutes", 120 + 60, 2);
		assertKpi(report, "fcr", 1, 3);

		var byTier = kpis(days(20), "tier");
		assertThat(kpi(byTier, "reopen_rate", "T2").get("denominator").asDouble()).isEqualTo(1);
		assertThat(kpi(byTier, "reopen_rate", "T3").get("denominator").asDouble()).isEqualTo(1);
		assertThat(kpi(byTier, "reopen_rate", "T1").get("denominator").asDouble()).isEqualTo(1);
		assertKpi(kpis(at(Duration.ofMinutes(150)), null), "escalation_accuracy", 0, 0); // before any ticket was solved
	}

	@Test
	void diagnosticDocumentationRunsFromArrivalAtT2ToTheCompleteEscalationIntoT3() {
		long incomplete = history.ticket(days(0)); // returned for missing information: the clock goes on
		history.escalated(incomplete, T1, "T1", "T2", at(Duration.ofHours(1)));
		history.escalated(incomplete, T2, "T2", "T3", at(Duration.ofHours(3)));
		history.returnedForMissingInformation(incomplete, at(Duration.ofHours(4)));
		history.escalated(incomplete, T2, "T2", "T3", at(Duration.ofHours(6)));
		history.accepted(incomplete, at(Duration.ofHours(7)));
		history.solved(incomplete, "eng@acme.test", at(Duration.ofHours(8)));
		long quick = history.ticket(days(0));
		history.escalated(quick, T1, "T1", "T2", at(Duration.ofMinutes(30)));
		history.escalated(quick, T2, "T2", "T3", at(Duration.ofMinutes(90)));
		history.accepted(quick, at(Duration.ofHours(2)));
		history.solved(quick, "eng@acme.test", at(Duration.ofHours(8)));
		long sentBack = history.ticket(days(0)); // returned as resolvable lower: its template was complete
		history.escalated(sentBack, T1, "T1", "T2", at(Duration.ofHours(1)));
		history.escalated(sentBack, T2, "T2", "T3", at(Duration.ofMinutes(140)));
		history.returned(sentBack, "T2", at(Duration.ofHours(3)));
		history.solved(sentBack, T2, at(Duration.ofHours(8)));
		long neverAtT3 = history.ticket(days(0));
		history.escalated(neverAtT3, T1, "T1", "T2", at(Duration.ofHours(1)));
		history.solved(neverAtT3, T2, at(Duration.ofHours(8)));

		var report = kpis(days(20), null);
		// 60, 80 and 300 minutes: the median is 80; p90 (linear) is 80 + 0.8 × (300 − 80) = 256
		var median = kpi(report, "diagnostic_documentation_minutes_median", "all");
		assertThat(median.get("value").asDouble()).isEqualTo(80);
		assertThat(median.get("numerator").asDouble()).as("tickets measured").isEqualTo(3);
		assertThat(kpi(report, "diagnostic_documentation_minutes_p90", "all").get("value").asDouble()).isEqualTo(256);
		assertThat(kpi(kpis(at(Duration.ofHours(5)), null), "diagnostic_documentation_minutes_median", "all").get("value").isNull())
			.as("nothing solved yet").isTrue();
	}

	@Test
	void aQueueNarrowsEveryKpiAndGroupsByItsSlug() {
		long first = history.queue("first-line");
		long other = history.queue("other");
		long a = history.ticket(days(0));
		history.inQueue(a, first);
		history.solved(a, T1, at(Duration.ofHours(1)));
		long b = history.ticket(days(0));
		history.inQueue(b, other);
		history.escalated(b, T1, "T1", "T2", at(Duration.ofHours(1)));
		history.solved(b, T2, at(Duration.ofHours(2)));
		projection.catchUp();
		var api = Api.at(port).as("admin@northwind.test");
		String base = "/api/v1/kpis?client=" + history.client + "&from=2026-03-01&to=2026-04-01&asOf=" + days(20);

		var narrowed = api.get(base + "&queue=first-line").json();
		assertThat(narrowed.get("queue").asString()).isEqualTo("first-line");
		assertKpi(narrowed, "fcr", 1, 1);
		assertKpi(narrowed, "escalation_rate_T1", 0, 1);
		assertKpi(api.get(base).json(), "escalation_rate_T1", 1, 2);
		var byQueue = api.get(base + "&groupBy=queue").json();
		assertThat(kpi(byQueue, "fcr", "other").get("numerator").asDouble()).isZero();
		assertThat(kpi(byQueue, "fcr", "first-line").get("numerator").asDouble()).isEqualTo(1);

		var unknown = api.get(base + "&queue=nope");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("queue");
		var withoutClient = api.get("/api/v1/kpis?queue=first-line");
		assertThat(withoutClient.status()).isEqualTo(422);
	}

	@Test
	void csatOnAReopenedTicketCountsEveryAnswerUnderTheTierOfTheFirstResolution() {
		long reopened = history.ticket(days(0));
		history.solved(reopened, T1, days(1));
		history.csat(reopened, 2, days(1.5));
		history.reopened(reopened, days(2));
		history.escalated(reopened, T1, "T1", "T2", days(2.5));
		history.solved(reopened, T2, days(3));
		history.csat(reopened, 5, days(3.5));
		long happy = history.ticket(days(0));
		history.escalated(happy, T1, "T1", "T2", days(0.5));
		history.solved(happy, T2, days(1));
		history.csat(happy, 4, days(1.2));

		var report = kpis(days(20), null);
		assertKpi(report, "csat", 2, 3);
		assertKpi(report, "csat_resolved_at_T1", 1, 2);
		assertKpi(report, "csat_resolved_at_T2", 1, 1);
		assertKpi(kpis(days(3), null), "csat", 1, 2); // the 5 had not been given on day 3
	}

	@Test
	void timeLoggedAtTwoTiersSplitsAhtByTheTierItWasLoggedAt() {
		long worked = history.ticket(days(0));
		history.timeLogged(worked, T1, "T1", 10, days(0.1));
		history.escalated(worked, T1, "T1", "T2", days(0.2));
		history.timeLogged(worked, T2, "T2", 35, days(0.5));
		history.solved(worked, T2, days(1));
		long quick = history.ticket(days(0));
		history.solved(quick, T1, days(1));

		var report = kpis(days(20), null);
		assertKpi(report, "aht_minutes", 45, 2);
		assertKpi(report, "aht_T1_minutes", 10, 2);
		assertKpi(report, "aht_T2_minutes", 35, 2);
		assertKpi(report, "aht_T3_minutes", 0, 2);
	}

	@Test
	void groupsByTheAgentAndTeamOfTheFirstSolveAndCountsKnowledgeContributions() {
		long t1Ticket = history.ticket(days(0));
		history.solved(t1Ticket, T1, days(1));
		long t2Ticket = history.ticket(days(0));
		history.knowledgeLinked(t2Ticket, "UPDATED", days(0.5));
		history.solved(t2Ticket, T2, days(1));
		long linkedOnly = history.ticket(days(0));
		history.knowledgeLinked(linkedOnly, "LINKED", days(0.5)); // only linking an existing article is no contribution
		history.solved(linkedOnly, T2, days(1));

		assertKpi(kpis(days(20), null), "knowledge_contribution_rate", 1, 3);
		var byAgent = kpis(days(20), "agent");
		assertThat(kpi(byAgent, "reopen_rate", T1).get("denominator").asDouble()).isEqualTo(1);
		assertThat(kpi(byAgent, "knowledge_contribution_rate", T2).get("value").asDouble()).isEqualTo(0.5);
		var byTeam = kpis(days(20), "team");
		assertThat(kpi(byTeam, "reopen_rate", "Northwind Tier 2").get("denominator").asDouble()).isEqualTo(2);
		assertThat(kpi(kpis(days(20), "internal"), "reopen_rate", "EXTERNAL").get("denominator").asDouble()).isEqualTo(3);
		assertThat(kpi(kpis(days(20), "client"), "reopen_rate", history.client).get("denominator").asDouble()).isEqualTo(3);
	}

	@Test
	void theBacklogAtAsOfHoldsTicketsOpenThenWithTheirAge() {
		long solvedEarly = history.ticket(days(0));
		history.solved(solvedEarly, T1, days(1));
		long reopened = history.ticket(days(0));
		history.solved(reopened, T1, days(1));
		history.reopened(reopened, days(2));
		history.ticket(days(1)); // never solved

		var dayThree = kpis(days(3), null);
		assertThat(kpi(dayThree, "backlog_size", "all").get("value").asDouble()).isEqualTo(2);
		assertKpi(dayThree, "backlog_age_hours", 72 + 48, 2);
		assertThat(kpi(kpis(days(1.5), null), "backlog_size", "all").get("value").asDouble()).isEqualTo(1);
	}

	@Test
	void aLateEventChangesTheFactsOnTheNextRound() {
		long ticket = history.ticket(days(0));
		history.solved(ticket, T1, days(1));
		assertKpi(kpis(days(20), null), "reopen_rate", 0, 1);
		history.reopened(ticket, days(2));
		assertKpi(kpis(days(20), null), "reopen_rate", 1, 1);
		assertKpi(kpis(days(20), null), "reopen_rate", 1, 1); // replaying again changes nothing
	}

	@Test
	void slaAttainmentCountsOutcomesInThePeriodByAsOfAndStaffingComesFromGrants() {
		long ticket = history.ticket(days(0));
		history.slaOutcome(ticket, "FIRST_RESPONSE", "MET", days(0.1));
		history.slaOutcome(ticket, "FIRST_RESPONSE", "BREACHED", days(2));
		history.slaOutcome(ticket, "FIRST_RESPONSE", "MET", days(40)); // April: another period
		history.slaOutcome(ticket, "RESOLUTION", "MET", days(1));
		history.grant("t1@northwind.test", "T1");
		history.grant("shadow@northwind.test", "T1");
		history.grant("t2@northwind.test", "T1");
		history.grant("t2@northwind.test", "T2");

		var report = kpis(days(20), null);
		assertKpi(report, "sla_attainment_FIRST_RESPONSE", 1, 2);
		assertKpi(report, "sla_attainment_RESOLUTION", 1, 1);
		assertKpi(kpis(days(1), null), "sla_attainment_FIRST_RESPONSE", 1, 1); // the breach came on day 2
		assertKpi(report, "staffing_ratio_T1_T2", 3, 1);
	}

	@Test
	void anEventCommittedLateBelowTheWatermarkIsStillProjected() {
		long ticket = history.ticket(days(0));
		history.solved(ticket, T1, days(1));
		history.event(ticket, "MESSAGE", null, days(1.5), "{}");
		long gap = jdbc.sql("select max(id) from ticket_events where ticket_id = ?").param(ticket).query(Long.class).single();
		jdbc.sql("delete from ticket_events where id = ?").param(gap).update();
		history.event(ticket, "MESSAGE", null, days(1.6), "{}"); // the watermark passes the gap
		assertKpi(kpis(days(20), null), "reopen_rate", 0, 1);

		// a transaction that took id "gap" commits only now
		long requester = history.user("dana@customer.test");
		jdbc.sql("insert into ticket_events (id, ticket_id, client_id, type, actor_id, at) values (?, ?, ?, 'REOPENED', ?, ?)")
			.params(gap, ticket, history.clientId, requester, days(2)).update();
		assertKpi(kpis(days(20), null), "reopen_rate", 1, 1);
	}
}
