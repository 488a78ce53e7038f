package io.tierline.kpi.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.common.Tier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kpi_tickets and kpi_items tables: each ticket's rows are replaced whole (replaying is idempotent). */
@Repository
class KpiFacts {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final KpiRollup rollup;

	KpiFacts(JdbcClient jdbc, JdbcTemplate batch, KpiRollup rollup) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.rollup = rollup;
	}

	private record Team(long id, String kind) {
	}

	void replace(List<TicketKpiFacts> tickets) {
		if (tickets.isEmpty()) {
			return;
		}
		List<Long> ids = tickets.stream().map(f -> f.ticket.id()).toList();
		rollup.touched(daysOf(ids, tickets));
		jdbc.sql("delete from kpi_items where ticket_id in (:ids)").param("ids", ids).update();
		jdbc.sql("delete from kpi_tickets where ticket_id in (:ids)").param("ids", ids).update();
		Map<String, Long> users = userIds(tickets);
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> items = new ArrayList<>();
		Map<Long, Long> agents = new HashMap<>();
		for (TicketKpiFacts f : tickets) {
			agents.put(f.ticket.id(), f.solverId != null ? f.solverId : users.get(f.assigneeAtSolve));
		}
		Map<Long, Team> teams = teams(agents.values());
		for (TicketKpiFacts f : tickets) {
			Long agent = agents.get(f.ticket.id());
			Team team = agent == null ? null : teams.get(agent);
			rows.add(ticketRow(f, agent, team));
			f.items.forEach(item -> items.add(itemRow(f, item, agent, team)));
		}
		batch.batchUpdate("""
				insert into kpi_tickets (ticket_id, client_id, channel, category_id, created_at, created_tier, first_solved_at,
				  resolution_tier, agent_id, team_id, team_kind, first_escalated_at, reopened_at, follow_up_at, knowledge_at,
				  t1_arrived_at, t2_arrived_at, t3_arrived_at, t1_escalated_at, t2_escalated_at, t3_escalated_at, event_count,
				  queue_id, diagnostic_seconds)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		batch.batchUpdate("""
				insert into kpi_items (ticket_id, client_id, kind, first_solved_at, channel, category_id, resolution_tier, agent_id,
				  team_id, team_kind, tier, to_tier, started_at, at, decision, decided_at, amount, queue_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items);
	}

	void clear() {
		jdbc.sql("delete from kpi_items").update();
		jdbc.sql("delete from kpi_tickets").update();
		rollup.clear();
	}

	/** The days of the first solve these tickets had and now have: their daily sums change. */
	private Set<KpiRollup.Day> daysOf(List<Long> ids, List<TicketKpiFacts> tickets) {
		Set<KpiRollup.Day> days = new HashSet<>();
		jdbc.sql("select client_id, first_solved_at from kpi_tickets where ticket_id in (:ids) and first_solved_at is not null")
			.param("ids", ids)
			.query(rs -> { days.add(KpiRollup.Day.of(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant())); });
		tickets.stream().filter(f -> f.firstSolvedAt != null).forEach(f -> days.add(KpiRollup.Day.of(f.ticket.clientId(), f.firstSolvedAt)));
		return days;
	}

	private static Object[] ticketRow(TicketKpiFacts f, Long agent, Team team) {
		TicketRow t = f.ticket;
		return new Object[] { t.id(), t.clientId(), t.channel(), t.categoryId(), time(t.createdAt()), f.createdTier.name(),
				time(f.firstSolvedAt), name(f.resolutionTier), agent, team == null ? null : team.id(), team == null ? null : team.kind(),
				time(f.firstEscalatedAt), time(f.reopenedAt), time(t.followUpAt()), time(f.knowledgeAt),
				time(f.arrived.get(Tier.T1)), time(f.arrived.get(Tier.T2)), time(f.arrived.get(Tier.T3)),
				time(f.escalatedOut.get(Tier.T1)), time(f.escalatedOut.get(Tier.T2)), time(f.escalatedOut.get(Tier.T3)), f.eventCount,
				t.queueId(), f.diagnosticSeconds };
	}

	private static Object[] itemRow(TicketKpiFacts f, TicketKpiFacts.Item i, Long agent, Team team) {
		TicketRow t = f.ticket;
		return new Object[] { t.id(), t.clientId(), i.kind, time(f.firstSolvedAt), t.channel(), t.categoryId(), name(f.resolutionTier),
				agent, team == null ? null : team.id(), team == null ? null : team.kind(), name(i.tier), name(i.toTier),
				time(i.startedAt), time(i.at), i.decision, time(i.decidedAt), i.amount, t.queueId() };
	}

	private Map<String, Long> userIds(List<TicketKpiFacts> tickets) {
		List<String> emails = tickets.stream().filter(f -> f.solverId == null && f.assigneeAtSolve != null)
			.map(f -> f.assigneeAtSolve).distinct().toList();
		Map<String, Long> ids = new HashMap<>();
		if (!emails.isEmpty()) {
			jdbc.sql("select id, email from users where email in (:emails)").param("emails", emails)
				.query(rs -> { ids.put(rs.getString("email"), rs.getLong("id")); });
		}
		return ids;
	}

	/** An agent's team: the first team they belong to (by id) at the time of projection. */
	private Map<Long, Team> teams(Collection<Long> agents) {
		List<Long> ids = agents.stream().filter(a -> a != null).distinct().toList();
		Map<Long, Team> teams = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select m.user_id, t.id, t.kind from team_members m join teams t on t.id = m.team_id where m.user_id in (:ids) order by t.id")
				.param("ids", ids)
				.query(rs -> { teams.putIfAbsent(rs.getLong("user_id"), new Team(rs.getLong("id"), rs.getString("kind"))); });
		}
		return teams;
	}

	private static OffsetDateTime time(Instant at) {
		return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}
}
