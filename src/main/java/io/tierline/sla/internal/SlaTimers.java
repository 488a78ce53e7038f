package io.tierline.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Durable timers: a row per future warning, breach or breach action, written in the transaction that caused it. */
@Repository
class SlaTimers {

	enum Kind {
		WARNING, BREACH, ACTION
	}

	record Timer(long id, long clockId, Kind kind, Instant dueAt) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	SlaTimers(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Replaces the warning and breach timers of clocks whose schedule changed (the caller holds their locks). */
	/** New timers for these clocks; {@code moved} ones (already stored before) first lose their old timers. */
	void reschedule(List<SlaClock> clocks, List<SlaClock> moved) {
		List<Long> ids = moved.stream().map(SlaClock::id).toList();
		if (!ids.isEmpty()) {
			jdbc.sql("delete from sla_timers where clock_id in (:ids) and kind <> 'ACTION'").param("ids", ids).update();
		}
		List<Object[]> rows = new ArrayList<>();
		for (SlaClock c : clocks) {
			if (c.state() == SlaClock.State.RUNNING && c.warnAt() != null) {
				rows.add(new Object[] { c.id(), Kind.WARNING.name(), Rows.timestamp(c.warnAt()) });
			}
			if (c.state() == SlaClock.State.RUNNING && !c.breached() && c.dueAt() != null) {
				rows.add(new Object[] { c.id(), Kind.BREACH.name(), Rows.timestamp(c.dueAt()) });
			}
		}
		insert(rows);
	}

	void insertActions(List<SlaClock> clocks, Instant at) {
		insert(clocks.stream().map(c -> new Object[] { c.id(), Kind.ACTION.name(), Rows.timestamp(at) }).toList());
	}

	/** The clocks with something due, earliest first (not locked: the caller locks the clocks, then reads their timers). */
	List<Long> clocksDue(Instant now, int limit, boolean actions) {
		return jdbc.sql("select clock_id from sla_timers where due_at <= ? and " + (actions ? "kind = 'ACTION'" : "kind <> 'ACTION'")
				+ " order by due_at, clock_id limit ?")
			.params(now, limit).query(Long.class).list();
	}

	/** Due timers of clocks the caller has locked; read after the lock, so a timer another node fired is gone. */
	List<Timer> dueOf(List<Long> clockIds, Instant now, boolean actions) {
		if (clockIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from sla_timers where clock_id in (:ids) and due_at <= :now and "
				+ (actions ? "kind = 'ACTION'" : "kind <> 'ACTION'") + " order by due_at, id")
			.param("ids", clockIds).param("now", now).query(SlaTimers::timer).list();
	}

	void delete(List<Timer> timers) {
		if (!timers.isEmpty()) {
			jdbc.sql("delete from sla_timers where id in (:ids)").param("ids", timers.stream().map(Timer::id).toList()).update();
		}
	}

	/** Timers of one clock, for the API and tests. */
	List<Timer> ofClock(long clockId) {
		return jdbc.sql("select * from sla_timers where clock_id = ? order by due_at, id").param(clockId).query(SlaTimers::timer).list();
	}

	private void insert(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			batch.batchUpdate("insert into sla_timers (clock_id, kind, due_at) values (?, ?, ?)", rows);
		}
	}

	private static Timer timer(ResultSet rs, int n) throws SQLException {
		return new Timer(rs.getLong("id"), rs.getLong("clock_id"), Kind.valueOf(rs.getString("kind")), Rows.instant(rs, "due_at"));
	}
}
