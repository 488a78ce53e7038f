package io.tierline.kpi.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.tierline.access.AccessManagement;
import io.tierline.kpi.KpiValue;
import io.tierline.kpi.TicketHistoryFixture;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.tierline.kpi.TicketHistoryFixture.DAY0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily sums (KpiRollup) give exactly the answers of the facts alone: random histories of three
 * clients (escalations and T3 decisions, reopens on and around the window's edge, follow-ups, CSAT and
 * time logged late, knowledge, queues, categories, tickets never solved), every grouping, asOf inside
 * and after the period, several windows, periods that do not start or end at midnight, one client and
 * several, a queue; again after more events, after a rebuild and after the sums were forgotten.
 */
@IntegrationTest
class KpiRollupIntegrationTests {

	static final List<String> AGENTS = List.of("t1@northwind.test", "t2@northwind.test", "t2-acme@northwind.test", "shadow@northwind.test",
			"lead@northwind.test", "eng@acme.test");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessManagement access;

	@Autowired
	KpiProjection projection;

	@Autowired
	KpiEngine engine;

	@Autowired
	KpiRollup rollup;

	final Random random = new Random(20261123);

	List<TicketHistoryFixture> clients = new ArrayList<>();

	List<Long> queues = new ArrayList<>();

	List<Long> categories;

	@BeforeEach
	void threeClientsWithRandomHistories() {
		categories = jdbc.sql("select id from categories order by id").query(Long.class).list();
		for (int c = 0; c < 3; c++) {
			var client = new TicketHistoryFixture(jdbc, access);
			clients.add(client);
			queues.add(client.queue("q" + c));
			List<Long> tickets = new ArrayList<>();
			for (int i = 0; i < 70; i++) {
				tickets.add(randomHistory(client, queues.get(c), tickets));
			}
		}
		projection.catchUp();
	}

	@Test
	void theDailySumsGiveTheAnswersOfTheFactsForEveryGroupingAsOfAndWindow() {
		assertSameAnswers(true);
	}

	@Test
	void theDailySumsFollowNewEventsOfOldTicketsARebuildAndAnUpgrade() {
		assertSameAnswers(true);
		var client = clients.get(1);
		long old = jdbc.sql("select min(ticket_id) from kpi_tickets where client_id = ? and first_solved_at is not null")
			.param(client.clientId).query(Long.class).single();
		client.reopened(old, DAY0.plus(Duration.ofDays(50)));
		client.escalated(old, AGENTS.get(0), "T1", "T2", DAY0.plus(Duration.ofDays(50).plusHours(1)));
		client.csat(old, 2, DAY0.plus(Duration.ofDays(51)));
		randomHistory(client, queues.get(1), List.of(old));
		projection.catchUp();
		assertSameAnswers(true);

		projection.rebuild();
		projection.catchUp();
		assertThat(projection.progress().staleDays()).isZero();
		assertSameAnswers(true);

		// facts the sums do not know of (an upgrade, or facts seeded by hand): read from the facts until summed
		jdbc.sql("update kpi_state set rollup_ready = false where id = 1").update();
		assertThat(rollup.usableDays(question(List.of(client.clientId), GroupBy.NONE, DAY0.plus(Duration.ofDays(90)), 7, null))).isNull();
		projection.catchUp();
		assertSameAnswers(true);
	}

	private void assertSameAnswers(boolean expectSums) {
		List<Long> all = clients.stream().map(c -> c.clientId).toList();
		List<Instant> moments = List.of(DAY0.plus(Duration.ofDays(90)), DAY0.plus(Duration.ofDays(20).plusHours(5)), DAY0.plus(Duration.ofDays(45)));
		int summed = 0;
		for (GroupBy groupBy : GroupBy.values()) {
			for (Instant asOf : moments) {
				for (int window : List.of(1, 7, 30)) {
					summed += assertSame(question(all, groupBy, asOf, window, null));
					summed += assertSame(question(List.of(all.get(0)), groupBy, asOf, window, null));
					summed += assertSame(question(List.of(all.get(2)), groupBy, asOf, window, queues.get(2)));
					summed += assertSame(new KpiQuery(all, Instant.parse("2026-02-27T13:00:00Z"), Instant.parse("2026-03-25T06:00:00Z"), asOf,
							groupBy, Duration.ofDays(window), null));
				}
			}
		}
		if (expectSums) {
			assertThat(summed).as("questions answered partly from the daily sums").isGreaterThan(100);
		}
	}

	private static KpiQuery question(List<Long> clients, GroupBy groupBy, Instant asOf, int window, Long queue) {
		return new KpiQuery(clients, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), asOf, groupBy,
				Duration.ofDays(window), queue);
	}

	private int assertSame(KpiQuery q) {
		KpiQuery.Days days = rollup.usableDays(q);
		List<String> facts = sorted(engine.values(q, null));
		List<String> sums = sorted(engine.values(q, days));
		assertThat(sums).as(q + " summed " + days).isEqualTo(facts);
		return days == null ? 0 : 1;
	}

	private static List<String> sorted(List<KpiValue> values) {
		return values.stream().map(KpiValue::toString).sorted(Comparator.naturalOrder()).toList();
	}

	/** One ticket: created from 5 days before March to mid-April, maybe escalated, solved, reopened, answered, followed up. */
	private long randomHistory(TicketHistoryFixture client, long queue, List<Long> earlier) {
		Instant at = DAY0.plus(Duration.ofMinutes(random.nextInt(45 * 24 * 60))).minus(Duration.ofDays(5)).plusMillis(random.nextInt(1000));
		Long followUpOf = !earlier.isEmpty() && random.nextInt(6) == 0 ? earlier.get(random.nextInt(earlier.size())) : null;
		long ticket = client.ticket(List.of("EMAIL", "CHAT", "WEB").get(random.nextInt(3)), at, followUpOf);
		if (random.nextInt(3) == 0) {
			client.inQueue(ticket, queue);
		}
		if (random.nextInt(4) > 0) {
			jdbc.sql("update tickets set category_id = ? where id = ?").params(categories.get(random.nextInt(categories.size())), ticket).update();
		}
		at = later(at, 0.5);
		if (random.nextInt(3) == 0) {
			client.escalated(ticket, agent(), "T1", "T2", at = later(at, 1));
			if (random.nextBoolean()) {
				client.escalated(ticket, agent(), "T2", "T3", at = later(at, 1));
				switch (random.nextInt(3)) {
					case 0 -> client.accepted(ticket, at = later(at, 1));
					case 1 -> client.returned(ticket, "T2", at = later(at, 1));
					default -> client.returnedForMissingInformation(ticket, at = later(at, 1));
				}
			}
		}
		if (random.nextInt(8) == 0) {
			return ticket; // never solved: in the backlog
		}
		client.timeLogged(ticket, agent(), List.of("T1", "T2", "T3").get(random.nextInt(3)), 5 + random.nextInt(60), later(at, 0.2));
		Instant solved = later(at, 3);
		client.solved(ticket, agent(), solved);
		if (random.nextInt(4) == 0) {
			// around the edges of the windows: exactly 1 or 7 days, a millisecond before, or anything up to 40 days
			Duration delay = switch (random.nextInt(5)) {
				case 0 -> Duration.ofDays(7);
				case 1 -> Duration.ofDays(7).minusMillis(1);
				case 2 -> Duration.ofDays(1);
				case 3 -> Duration.ofDays(30).minusMillis(1);
				default -> Duration.ofMinutes(random.nextInt(40 * 24 * 60));
			};
			Instant reopened = solved.plus(delay);
			client.reopened(ticket, reopened);
			if (random.nextInt(3) == 0) {
				client.escalated(ticket, agent(), "T1", "T2", reopened.plusSeconds(60));
			}
			client.solved(ticket, agent(), later(reopened, 2));
		}
		if (random.nextInt(3) == 0) {
			client.csat(ticket, 1 + random.nextInt(5), later(solved, 20));
		}
		if (random.nextInt(5) == 0) {
			client.knowledgeLinked(ticket, List.of("CREATED", "UPDATED", "VIEWED").get(random.nextInt(3)), later(solved, 10));
		}
		return ticket;
	}

	private String agent() {
		return AGENTS.get(random.nextInt(AGENTS.size()));
	}

	private Instant later(Instant at, double days) {
		return at.plus(Duration.ofSeconds((long) (random.nextDouble() * days * 86_400)));
	}
}
