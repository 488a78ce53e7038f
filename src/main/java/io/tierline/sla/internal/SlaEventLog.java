package io.tierline.sla.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The append-only log of clock outcomes (WARNING, BREACHED, MET) the attainment report is computed from. */
@Repository
class SlaEventLog {

	enum Type {
		WARNING, BREACHED, MET
	}

	record Entry(SlaClock clock, Type type, Instant dueAt, Instant at) {
	}

	private final JdbcTemplate batch;

	SlaEventLog(JdbcTemplate batch) {
		this.batch = batch;
	}

	void append(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			SlaClock c = e.clock();
			rows.add(new Object[] { c.id(), c.ticketId(), c.clientId(), c.kind().name(), c.tier().name(), c.channel().name(),
					c.severity().name(), e.type().name(), Rows.timestamp(e.dueAt()), Rows.timestamp(e.at()) });
		}
		batch.batchUpdate("""
				insert into sla_events (clock_id, ticket_id, client_id, clock, tier, channel, severity, type, due_at, at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}
}
