package io.tierline.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tierline.common.Rows;
import io.tierline.common.Tier;
import io.tierline.sla.ClockKind;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stored SLA clocks. Whoever changes a clock locks it first (then its timers), so nodes never deadlock. */
@Repository
class SlaClocks {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	SlaClocks(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The ticket's clocks that still run or are paused, locked for this transaction. */
	List<SlaClock> activeForUpdate(long ticketId) {
		return jdbc.sql("select * from sla_clocks where ticket_id = ? and state <> 'STOPPED' order by id for update")
			.param(ticketId).query(SlaClocks::clock).list();
	}

	/** Every clock of the ticket, oldest first. */
	List<SlaClock> ofTicket(long ticketId) {
		return jdbc.sql("select * from sla_clocks where ticket_id = ? order by id").param(ticketId).query(SlaClocks::clock).list();
	}

	/** Locks those of the clocks no other node holds; the rest are skipped, not waited for. */
	List<SlaClock> lockFree(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from sla_clocks where id in (:ids) order by id for update skip locked")
			.param("ids", ids).query(SlaClocks::clock).list();
	}

	void insert(SlaClock c) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into sla_clocks (ticket_id, client_id, clock, tier, channel, severity, target_ms, business_time, calendar_id,
				  warning_percent, actions, state, warned, breached, started_at, elapsed_ms, segment_started_at, warn_at, due_at,
				  breached_at, stopped_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.ticketId(), c.clientId(), c.kind().name(), c.tier().name(), c.channel().name(), c.severity().name(),
					c.target().toMillis(), c.businessTime(), c.calendarId(), c.warningPercent(), c.actions().encode(), c.state().name(),
					c.warned(), c.breached(), c.startedAt(), c.elapsed().toMillis(), c.segmentStartedAt(), c.warnAt(), c.dueAt(),
					c.breachedAt(), c.stoppedAt())
			.update(keys, "id");
		c.assignId(keys.getKey().longValue());
	}

	void update(List<SlaClock> clocks) {
		if (clocks.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(clocks.size());
		for (SlaClock c : clocks) {
			rows.add(new Object[] { c.state().name(), c.warned(), c.breached(), c.elapsed().toMillis(), Rows.timestamp(c.segmentStartedAt()),
					Rows.timestamp(c.warnAt()), Rows.timestamp(c.dueAt()), Rows.timestamp(c.breachedAt()), Rows.timestamp(c.stoppedAt()), c.id() });
		}
		batch.batchUpdate("""
				update sla_clocks set state = ?, warned = ?, breached = ?, elapsed_ms = ?, segment_started_at = ?, warn_at = ?,
				  due_at = ?, breached_at = ?, stopped_at = ? where id = ?""", rows);
	}

	private static SlaClock clock(ResultSet rs, int n) throws SQLException {
		return new SlaClock(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("client_id"), ClockKind.valueOf(rs.getString("clock")),
				Tier.valueOf(rs.getString("tier")), Channel.valueOf(rs.getString("channel")), Severity.valueOf(rs.getString("severity")),
				Duration.ofMillis(rs.getLong("target_ms")), rs.getBoolean("business_time"), rs.getObject("calendar_id", Long.class),
				rs.getInt("warning_percent"), BreachActions.decode(rs.getString("actions")), Rows.instant(rs, "started_at"),
				SlaClock.State.valueOf(rs.getString("state")), rs.getBoolean("warned"), rs.getBoolean("breached"),
				Duration.ofMillis(rs.getLong("elapsed_ms")), Rows.instant(rs, "segment_started_at"), Rows.instant(rs, "warn_at"),
				Rows.instant(rs, "due_at"), Rows.instant(rs, "breached_at"), Rows.instant(rs, "stopped_at"));
	}
}
