package io.tierline.kpi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tierline.common.Rows;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads tickets and their whole event histories, a batch of tickets per query. */
@Repository
class TicketHistories {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	TicketHistories(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The facts of each ticket, replayed from its events. */
	List<TicketKpiFacts> replay(Collection<Long> ticketIds) {
		Map<Long, List<HistoryEvent>> events = events(ticketIds);
		return tickets(ticketIds).stream()
			.map(t -> TicketKpiFacts.replay(t, events.getOrDefault(t.id(), List.of())))
			.toList();
	}

	/** The tickets of these whose original (followUpOf) must be replayed too: its follow-up facts changed. */
	List<Long> originalsOf(Collection<Long> ticketIds) {
		return jdbc.sql("select distinct follow_up_of from tickets where id in (:ids) and follow_up_of is not null")
			.param("ids", ticketIds).query(Long.class).list();
	}

	private List<TicketRow> tickets(Collection<Long> ids) {
		return jdbc.sql("""
				select t.id, t.client_id, t.queue_id, t.channel, t.category_id, t.created_at,
				  (select min(f.created_at) from tickets f where f.follow_up_of = t.id) as follow_up_at
				from tickets t where t.id in (:ids)""")
			.param("ids", ids)
			.query((rs, n) -> new TicketRow(rs.getLong("id"), rs.getLong("client_id"), (Long) rs.getObject("queue_id", Long.class), rs.getString("channel"),
					(Long) rs.getObject("category_id", Long.class), instant(rs, "created_at"), instant(rs, "follow_up_at")))
			.list();
	}

	private Map<Long, List<HistoryEvent>> events(Collection<Long> ids) {
		Map<Long, List<HistoryEvent>> byTicket = new HashMap<>();
		jdbc.sql("select id, ticket_id, type, actor_id, at, data from ticket_events where ticket_id in (:ids) order by ticket_id, at, id")
			.param("ids", ids)
			.query((ResultSet rs) -> {
				byTicket.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>()).add(new HistoryEvent(rs.getLong("id"),
						rs.getString("type"), rs.getObject("actor_id", Long.class), instant(rs, "at"), data(rs.getString("data"))));
			});
		return byTicket;
	}

	private JsonNode data(String text) {
		try {
			return text == null ? json.createObjectNode() : json.readTree(text);
		}
		catch (RuntimeException e) {
			return json.createObjectNode();
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return Rows.instant(rs, column);
	}
}
