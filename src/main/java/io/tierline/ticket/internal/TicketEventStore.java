package io.tierline.ticket.internal;

import java.util.List;

import io.tierline.ticket.EventType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SPEC §2: the append-only ticket_events table that KPIs and SLA reports are computed from. */
@Repository
public class TicketEventStore {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final JsonMapper json;

	TicketEventStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	/** One round trip for all of a change's events. */
	void append(long ticketId, long clientId, List<RecordedEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		List<Object[]> rows = events.stream().map(e -> new Object[] { ticketId, clientId, e.type().name(), e.actorId(),
				java.time.OffsetDateTime.ofInstant(e.at(), java.time.ZoneOffset.UTC), e.data().isEmpty() ? null : json.writeValueAsString(e.data()) })
			.toList();
		batch.batchUpdate("insert into ticket_events (ticket_id, client_id, type, actor_id, at, data) values (?, ?, ?, ?, ?, ?)", rows);
	}

	public record StoredEvent(long id, EventType type, String actor, java.time.Instant at, String data) {
	}

	public List<StoredEvent> page(long ticketId, long afterId, int limit) {
		return jdbc.sql("""
				select e.id, e.type, u.email as actor, e.at, e.data from ticket_events e left join users u on u.id = e.actor_id
				where e.ticket_id = ? and e.id > ? order by e.id limit ?""")
			.params(ticketId, afterId, limit)
			.query((rs, n) -> new StoredEvent(rs.getLong("id"), EventType.valueOf(rs.getString("type")), rs.getString("actor"),
					Tickets.instant(rs, "at"), rs.getString("data")))
			.list();
	}
}
