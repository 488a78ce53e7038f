package io.tierline.ticket.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tierline.access.ClientRef;
import io.tierline.ticket.Channel;
import io.tierline.ticket.EventType;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketHistory.ExportedEvent;
import io.tierline.ticket.TicketHistory.ExportedTicket;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads tickets by external id and whole histories for export (SPEC §14). */
@Component
public class HistoryReader {

	/** The SPEC §14 event types; CREATED is implied by the ticket's own fields. */
	static final List<String> EXPORTED = EnumSet.range(EventType.ASSIGNED, EventType.KNOWLEDGE_LINKED).stream()
		.map(Enum::name).toList();

	private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DatabaseProduct database;

	HistoryReader(JdbcClient jdbc, JsonMapper json, DatabaseProduct database) {
		this.jdbc = jdbc;
		this.json = json;
		this.database = database;
	}

	/** Imported tickets by external id, and tickets created here by their reference (ACME-1042). */
	public Map<String, Long> known(ClientRef client, Collection<String> externalIds) {
		if (externalIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> known = new HashMap<>(ids(client.id(), externalIds));
		if (client.ticketPrefix() == null) {
			return known;
		}
		var reference = Pattern.compile(Pattern.quote(client.ticketPrefix()) + "-(\\d{1,18})");
		Map<Long, String> byNumber = new HashMap<>();
		for (String externalId : externalIds) {
			var m = reference.matcher(externalId);
			if (m.matches()) {
				byNumber.put(Long.parseLong(m.group(1)), externalId);
			}
		}
		if (!byNumber.isEmpty()) {
			jdbc.sql("select number, id from tickets where client_id = :client and external_id is null and number in (:numbers)")
				.param("client", client.id()).param("numbers", byNumber.keySet())
				.query((rs, n) -> known.put(byNumber.get(rs.getLong("number")), rs.getLong("id"))).list();
		}
		return known;
	}

	/**
	 * On PostgreSQL as a join of the ids with the unique index (client_id, external_id): with an IN
	 * list the planner, its statistics taken before an import's thousands of new ids, chose an index
	 * on client_id alone and filtered every ticket of the client, per batch of the import.
	 */
	Map<String, Long> ids(long clientId, Collection<String> externalIds) {
		Map<String, Long> ids = new HashMap<>();
		var query = database.postgres()
				? jdbc.sql("""
						select t.external_id, t.id from unnest(?::text[]) as x(external_id)
						join tickets t on t.client_id = ? and t.external_id = x.external_id""")
					.param(externalIds.toArray(String[]::new)).param(clientId)
				: jdbc.sql("select external_id, id from tickets where client_id = :client and external_id in (:ids)")
					.param("client", clientId).param("ids", externalIds);
		query.query((rs, n) -> ids.put(rs.getString("external_id"), rs.getLong("id"))).list();
		return ids;
	}

	/** A ticket row before its events are attached. */
	private record Head(long id, String externalId, String requesterEmail, String requesterName, String subject,
			Channel channel, Severity severity, Long categoryId, Instant createdAt, String followUpOf) {
	}

	public List<ExportedTicket> page(ClientRef client, Instant from, Instant to, Instant afterCreated, long afterId, int limit) {
		String prefix = client.ticketPrefix() == null ? "" : client.ticketPrefix() + "-";
		var sql = new StringBuilder("""
				select t.id, t.external_id, t.number, u.email, u.name, t.subject, t.channel, t.severity, t.category_id, t.created_at,
				  f.external_id as f_external_id, f.number as f_number
				from tickets t join users u on u.id = t.requester_id left join tickets f on f.id = t.follow_up_of
				where t.client_id = :client""");
		Map<String, Object> params = new HashMap<>(Map.of("client", client.id(), "limit", limit));
		if (from != null) {
			sql.append(" and t.created_at >= :from");
			params.put("from", utc(from));
		}
		if (to != null) {
			sql.append(" and t.created_at < :to");
			params.put("to", utc(to));
		}
		if (afterCreated != null) {
			sql.append(" and (t.created_at > :after or (t.created_at = :after and t.id > :afterId))");
			params.put("after", utc(afterCreated));
			params.put("afterId", afterId);
		}
		sql.append(" order by t.created_at, t.id limit :limit");
		List<Head> heads = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Head(rs.getLong("id"),
				reference(prefix, rs.getString("external_id"), rs.getLong("number")), rs.getString("email"), rs.getString("name"),
				rs.getString("subject"), Channel.valueOf(rs.getString("channel")), Severity.valueOf(rs.getString("severity")),
				rs.getObject("category_id", Long.class), Tickets.instant(rs, "created_at"),
				rs.getObject("f_number") == null ? null : reference(prefix, rs.getString("f_external_id"), rs.getLong("f_number"))))
			.list();
		return withEvents(heads);
	}

	private List<ExportedTicket> withEvents(List<Head> heads) {
		if (heads.isEmpty()) {
			return List.of();
		}
		List<Long> ids = heads.stream().map(Head::id).toList();
		Map<Long, String> bodies = new HashMap<>();
		jdbc.sql("select id, body from messages where ticket_id in (:ids)").param("ids", ids)
			.query((rs, n) -> bodies.put(rs.getLong("id"), rs.getString("body"))).list();
		Map<Long, List<ExportedEvent>> events = new HashMap<>();
		jdbc.sql("""
				select e.ticket_id, e.type, u.email, e.at, e.data from ticket_events e left join users u on u.id = e.actor_id
				where e.ticket_id in (:ids) and e.type in (:types) order by e.ticket_id, e.at, e.id""")
			.param("ids", ids).param("types", EXPORTED)
			.query((rs, n) -> events.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>())
				.add(event(EventType.valueOf(rs.getString("type")), Tickets.instant(rs, "at"), rs.getString("email"),
						rs.getString("data"), bodies)))
			.list();
		return heads.stream().map(h -> new ExportedTicket(h.id(), h.externalId(), h.requesterEmail(), h.requesterName(),
				h.subject(), h.channel(), h.severity(), h.categoryId(), h.createdAt(), h.followUpOf(),
				events.getOrDefault(h.id(), List.of()))).toList();
	}

	private ExportedEvent event(EventType type, Instant at, String actor, String data, Map<Long, String> bodies) {
		Map<String, Object> facts = data == null ? Map.of() : json.readValue(data, DATA);
		String body = type == EventType.MESSAGE && facts.get("messageId") instanceof Number id ? bodies.get(id.longValue()) : null;
		return new ExportedEvent(type, at, actor, facts, body);
	}

	private static String reference(String prefix, String externalId, long number) {
		return externalId != null ? externalId : prefix + number;
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}
}
