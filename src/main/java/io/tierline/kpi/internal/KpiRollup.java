package io.tierline.kpi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily sums of the KPI facts (kpi_daily_tickets, kpi_daily_items; issue 6: any question over a
 * million tickets in under a second). A day (UTC, of the first solve) of a client is summed whole from
 * the facts; when the projection rewrites a ticket's facts it marks the days of its old and new first
 * solve stale, and {@link #refresh} sums the stale days again. Sums are only read for days that
 * are not stale and whose latest fact happened by the question's asOf ({@link #usableDays}), so an
 * answer is the same as from the facts alone. Callers hold the projection's watermark lock.
 */
@Repository
class KpiRollup {

	/** The dimensions summed; grouping by client or queue reads the 'all' rows, which carry both. */
	static final List<String> DIMENSIONS = List.of("all", "team", "internal", "tier", "agent", "channel", "category");

	private static final String DIMENSION_VALUES = "(values ('all'), ('team'), ('internal'), ('tier'), ('agent'), ('channel'), ('category')) as d(dimension)";

	private static final String GROUP = "case d.dimension when 'team' then cast(team_id as varchar(40)) when 'internal' then team_kind"
			+ " when 'tier' then resolution_tier when 'agent' then cast(agent_id as varchar(40)) when 'channel' then channel"
			+ " when 'category' then cast(category_id as varchar(40)) end";

	/** The longest window a question may ask for (KpiEngine); a reopen or follow-up later than that is never within one. */
	static final long LONGEST_WINDOW_SECONDS = 90L * 86_400;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	KpiRollup(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	record Day(long clientId, LocalDate day) {

		static Day of(long clientId, Instant firstSolvedAt) {
			return new Day(clientId, LocalDate.ofInstant(firstSolvedAt, ZoneOffset.UTC));
		}

		Instant start() {
			return day.atStartOfDay().toInstant(ZoneOffset.UTC);
		}
	}

	/** The facts of these days changed: their sums are stale until the next {@link #refresh}. */
	void touched(Set<Day> days) {
		List<Object[]> keys = days.stream().map(d -> new Object[] { d.clientId(), d.day() }).toList();
		batch.batchUpdate("delete from kpi_daily_days where client_id = ? and solved_on = ?", keys);
		batch.batchUpdate("insert into kpi_daily_days (client_id, solved_on, dirty) values (?, ?, true)", keys);
	}

	/** Facts that no day row knows of (after the upgrade, or facts written by hand): every day of every client is stale. */
	void prepare() {
		if (jdbc.sql("select rollup_ready from kpi_state where id = 1").query(Boolean.class).single()) {
			return;
		}
		jdbc.sql("delete from kpi_daily_tickets").update();
		jdbc.sql("delete from kpi_daily_items").update();
		jdbc.sql("delete from kpi_daily_days").update();
		List<Object[]> spans = jdbc.sql("""
				select client_id, min(first_solved_at) as first, max(first_solved_at) as last from kpi_tickets
				where first_solved_at is not null group by client_id""")
			.query((rs, n) -> new Object[] { rs.getLong("client_id"), instant(rs, "first"), instant(rs, "last") }).list();
		List<Day> days = new ArrayList<>();
		for (Object[] span : spans) {
			Day last = Day.of((Long) span[0], (Instant) span[2]);
			for (Day d = Day.of((Long) span[0], (Instant) span[1]); !d.day().isAfter(last.day()); d = new Day(d.clientId(), d.day().plusDays(1))) {
				days.add(d);
			}
		}
		batch.batchUpdate("insert into kpi_daily_days (client_id, solved_on, dirty) values (?, ?, true)",
				days.stream().map(d -> new Object[] { d.clientId(), d.day() }).toList());
		jdbc.sql("update kpi_state set rollup_ready = true where id = 1").update();
	}

	/**
	 * Sums up to {@code limit} stale days before {@code horizon} again; returns how many. Later days stay
	 * stale: a question whose asOf is not in the future cannot read them summed (their window has not
	 * elapsed), so the day of today is summed once when it is old enough, not after every change.
	 */
	int refresh(int limit, LocalDate horizon) {
		List<Day> stale = jdbc.sql("""
				select client_id, solved_on from kpi_daily_days where dirty = true and solved_on < ? order by client_id, solved_on""")
			.param(horizon)
			.query((rs, n) -> new Day(rs.getLong("client_id"), rs.getObject("solved_on", LocalDate.class))).list();
		stale = stale.subList(0, Math.min(limit, stale.size()));
		stale.forEach(this::sum);
		return stale.size();
	}

	/** Stale days before {@code horizon}: those {@link #refresh} has yet to sum. */
	long staleDays(LocalDate horizon) {
		return jdbc.sql("select count(*) from kpi_daily_days where dirty = true and solved_on < ?").param(horizon).query(Long.class).single();
	}

	void clear() {
		jdbc.sql("delete from kpi_daily_tickets").update();
		jdbc.sql("delete from kpi_daily_items").update();
		jdbc.sql("delete from kpi_daily_days").update();
		jdbc.sql("update kpi_state set rollup_ready = true where id = 1").update();
	}

	/**
	 * The whole days of {@code [from, to)} whose sums answer this question as the facts would: every
	 * fact of the day happened by asOf (so each "by asOf" holds exactly for the facts that exist), and
	 * the day ended at least the window before asOf (so every ticket of it counts in FCR). Stops at
	 * the first day that does not qualify; null when none does.
	 */
	KpiQuery.Days usableDays(KpiQuery q) {
		if (q.clients().isEmpty() || !jdbc.sql("select rollup_ready from kpi_state where id = 1").query(Boolean.class).single()) {
			return null;
		}
		LocalDate first = ceilDay(q.from());
		LocalDate end = floorDay(q.to());
		LocalDate elapsed = floorDay(q.windowElapsedBy());
		if (elapsed.isBefore(end)) {
			end = elapsed;
		}
		if (!first.isBefore(end)) {
			return null;
		}
		LocalDate unusable = jdbc.sql("""
				select min(solved_on) from kpi_daily_days where client_id in (:clients) and solved_on >= :first and solved_on < :end
				and (dirty = true or latest_fact_at > :asOf)""")
			.param("clients", q.clients()).param("first", first).param("end", end).param("asOf", time(q.asOf()))
			.query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
		if (unusable != null) {
			end = unusable;
		}
		return first.isBefore(end) ? new KpiQuery.Days(first, end) : null;
	}

	private void sum(Day day) {
		jdbc.sql("delete from kpi_daily_tickets where client_id = ? and solved_on = ?").params(day.clientId(), day.day()).update();
		jdbc.sql("delete from kpi_daily_items where client_id = ? and solved_on = ?").params(day.clientId(), day.day()).update();
		Instant start = day.start();
		Instant end = start.plusSeconds(86_400);
		Object[] params = { day.day(), day.clientId(), time(start), time(end) };
		int tickets = jdbc.sql(sumTickets()).params(params).update();
		jdbc.sql(sumItems()).params(params).update();
		if (tickets == 0) {
			jdbc.sql("delete from kpi_daily_days where client_id = ? and solved_on = ?").params(day.clientId(), day.day()).update();
			return;
		}
		jdbc.sql("update kpi_daily_days set dirty = false, latest_fact_at = ? where client_id = ? and solved_on = ?")
			.params(time(latestFact(day.clientId(), start, end)), day.clientId(), day.day()).update();
	}

	/** The latest moment of any fact a cohort KPI compares with asOf, over the day's tickets and their items. */
	private Instant latestFact(long client, Instant start, Instant end) {
		List<Instant> latest = new ArrayList<>();
		String maxima = Stream.of("first_solved_at", "first_escalated_at", "reopened_at", "follow_up_at", "knowledge_at", "t1_arrived_at",
				"t2_arrived_at", "t3_arrived_at", "t1_escalated_at", "t2_escalated_at", "t3_escalated_at")
			.map(c -> "max(" + c + ")").collect(Collectors.joining(", "));
		jdbc.sql("select " + maxima + " from kpi_tickets where client_id = ? and first_solved_at >= ? and first_solved_at < ?")
			.params(client, time(start), time(end)).query(rs -> { collect(rs, latest); });
		jdbc.sql("select max(at), max(decided_at) from kpi_items where client_id = ? and kind in ('ESCALATION', 'CSAT', 'TIME')"
				+ " and first_solved_at >= ? and first_solved_at < ?")
			.params(client, time(start), time(end)).query(rs -> { collect(rs, latest); });
		return latest.stream().max(Instant::compareTo).orElse(start);
	}

	private static void collect(ResultSet rs, Collection<Instant> into) throws SQLException {
		for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
			OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
			if (t != null) {
				into.add(t.toInstant());
			}
		}
	}

	/** Whole days from the first solve to {@code column}: -1 before it, null when none or not within the longest window. */
	private static String days(String column) {
		return "case when " + column + " is null then null when " + column + " < first_solved_at then -1"
				+ " when " + column + " >= first_solved_at + " + LONGEST_WINDOW_SECONDS + " * interval '1' second then null"
				+ " else cast(floor(extract(epoch from " + column + ") - extract(epoch from first_solved_at)) as bigint) / 86400 end";
	}

	private static String sumTickets() {
		StringBuilder counts = new StringBuilder();
		for (String t : CohortKpis.TIERS) {
			counts.append(", sum(case when ").append(t).append("_arrived_at is not null then 1 else 0 end)")
				.append(", sum(case when ").append(t).append("_escalated_at is not null then 1 else 0 end)");
		}
		return "insert into kpi_daily_tickets (solved_on, client_id, queue_id, dimension, grp, reopen_days, break_days, tickets, unescalated, knowledge,"
				+ " at_t1, out_t1, at_t2, out_t2, at_t3, out_t3)"
				+ "\nselect ?, client_id, queue_id, dimension, grp, reopen_days, break_days, count(*),"
				+ " sum(case when first_escalated_at is null then 1 else 0 end), sum(case when knowledge_at is not null then 1 else 0 end)" + counts
				+ "\nfrom (select f.*, case when follow_days is null or reopen_days < follow_days then reopen_days else follow_days end as break_days"
				+ "\n  from (select k.*, d.dimension, " + GROUP + " as grp, " + days("reopened_at") + " as reopen_days, " + days("follow_up_at")
				+ " as follow_days\n    from kpi_tickets k cross join " + DIMENSION_VALUES
				+ "\n    where client_id = ? and first_solved_at >= ? and first_solved_at < ?) f) x"
				+ "\ngroup by client_id, queue_id, dimension, grp, reopen_days, break_days";
	}

	private static String sumItems() {
		StringBuilder sums = new StringBuilder();
		List<String> columns = new ArrayList<>();
		for (ItemKpis.Sum s : ItemKpis.SUMS) {
			columns.add(s.name());
			sums.append(", coalesce(sum(case when ").append(s.kindCondition()).append(" then ").append(s.what()).append(" else 0 end), 0)");
		}
		return "insert into kpi_daily_items (solved_on, client_id, queue_id, dimension, grp, " + String.join(", ", columns) + ")"
				+ "\nselect ?, client_id, queue_id, dimension, grp" + sums
				+ "\nfrom (select i.*, d.dimension, " + GROUP + " as grp from kpi_items i cross join " + DIMENSION_VALUES
				+ "\n  where client_id = ? and kind in ('ESCALATION', 'CSAT', 'TIME') and first_solved_at >= ? and first_solved_at < ?) x"
				+ "\ngroup by client_id, queue_id, dimension, grp";
	}

	static LocalDate floorDay(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	static LocalDate ceilDay(Instant at) {
		LocalDate day = floorDay(at);
		return day.atStartOfDay().toInstant(ZoneOffset.UTC).equals(at) ? day : day.plusDays(1);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static OffsetDateTime time(Instant at) {
		return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}
}
