package io.tierline.ticket.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.tierline.ticket.SolvedTicket;
import io.tierline.ticket.TicketScope;
import io.tierline.ticket.TicketStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Solved and closed tickets with their public thread, for indexing (SPEC §4 search over solved tickets). */
@Repository
public class SolvedTickets {

	/** Enough of a thread to find it again; the rest adds little to ranking and much to the index. */
	static final int MAX_TEXT = 20_000;

	private static final String SELECT = """
			select t.id, t.client_id, o.ticket_prefix, t.number, t.subject, t.status, t.product_id, t.updated_at
			from tickets t join organizations o on o.id = t.client_id
			where t.status in ('SOLVED', 'CLOSED')""";

	private final JdbcClient jdbc;

	SolvedTickets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SolvedTicket> find(long ticketId) {
		List<Head> heads = jdbc.sql(SELECT + " and t.id = ?").param(ticketId).query(SolvedTickets::head).list();
		return heads.stream().findFirst().map(h -> h.with(threads(List.of(h.id)).getOrDefault(h.id, "")));
	}

	/**
	 * Those of {@code ticketIds} that are solved or closed, in two queries (a batch of imported
	 * tickets). Both select by id alone and filter the rest here: statistics taken before an import
	 * know none of its ids, and a condition on status or state then led the planner to an index on
	 * that column, scanning every solved ticket or sent message per batch.
	 */
	public List<SolvedTicket> findAll(Collection<Long> ticketIds) {
		if (ticketIds.isEmpty()) {
			return List.of();
		}
		List<Head> heads = jdbc.sql("""
				select t.id, t.client_id, o.ticket_prefix, t.number, t.subject, t.status, t.product_id, t.updated_at
				from tickets t join organizations o on o.id = t.client_id
				where t.id in (:ids) order by t.id""").param("ids", ticketIds)
			.query(SolvedTickets::head).list().stream().filter(h -> !h.status.isActive()).toList();
		if (heads.isEmpty()) {
			return List.of();
		}
		Map<Long, StringBuilder> texts = new HashMap<>();
		jdbc.sql("select ticket_id, body, visibility, state from messages where ticket_id in (:ids) order by ticket_id, id")
			.param("ids", heads.stream().map(Head::id).toList())
			.query(rs -> {
				if ("PUBLIC".equals(rs.getString(3)) && "SENT".equals(rs.getString(4))) {
					append(texts.computeIfAbsent(rs.getLong(1), id -> new StringBuilder()), rs.getString(2));
				}
			});
		return heads.stream().map(h -> h.with(text(texts.get(h.id)))).toList();
	}

	public void forEach(Consumer<SolvedTicket> action, int batch) {
		long after = 0;
		while (true) {
			List<Head> heads = jdbc.sql(SELECT + " and t.id > ? order by t.id limit ?").param(after).param(batch)
				.query(SolvedTickets::head).list();
			if (heads.isEmpty()) {
				return;
			}
			Map<Long, String> texts = threads(heads.stream().map(Head::id).toList());
			heads.forEach(h -> action.accept(h.with(texts.getOrDefault(h.id, ""))));
			after = heads.get(heads.size() - 1).id;
		}
	}

	public long count() {
		return jdbc.sql("select count(*) from tickets where status in ('SOLVED', 'CLOSED')").query(Long.class).single();
	}

	public Set<Long> visibleAmong(TicketScope scope, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("searchIds", ids);
		return new HashSet<>(jdbc.sql("select t.id from tickets t where t.id in (:searchIds) and (" + scope.sql() + ")")
			.params(params).query(Long.class).list());
	}

	/** Public, sent messages only: what the requester saw (internal notes stay out of any index). */
	private Map<Long, String> threads(List<Long> ticketIds) {
		Map<Long, StringBuilder> texts = new HashMap<>();
		jdbc.sql("""
				select ticket_id, body from messages
				where ticket_id in (:ids) and visibility = 'PUBLIC' and state = 'SENT' order by ticket_id, id""")
			.param("ids", ticketIds)
			.query(rs -> {
				append(texts.computeIfAbsent(rs.getLong(1), id -> new StringBuilder()), rs.getString(2));
			});
		Map<Long, String> result = new HashMap<>();
		texts.forEach((id, text) -> result.put(id, text(text)));
		return result;
	}

	private static void append(StringBuilder text, String body) {
		if (text.length() < MAX_TEXT) {
			text.append(body).append('\n');
		}
	}

	private static String text(StringBuilder text) {
		return text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString();
	}

	private static Head head(ResultSet rs, int row) throws SQLException {
		Long productId = rs.getObject("product_id") == null ? null : rs.getLong("product_id");
		return new Head(rs.getLong("id"), rs.getLong("client_id"), rs.getString("ticket_prefix") + "-" + rs.getLong("number"),
				rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")), productId,
				io.tierline.common.Rows.instant(rs, "updated_at"));
	}

	private record Head(long id, long clientId, String number, String subject, TicketStatus status, Long productId,
			java.time.Instant updatedAt) {

		SolvedTicket with(String text) {
			return new SolvedTicket(id, clientId, number, subject, text, status, productId, updatedAt);
		}
	}
}
