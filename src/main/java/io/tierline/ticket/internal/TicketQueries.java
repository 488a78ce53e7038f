package io.tierline.ticket.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.access.AccessManagement;
import io.tierline.access.ClientRef;
import io.tierline.common.Keyset;
import io.tierline.common.Tier;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.TicketView;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ticket views for the API and pages: one query a page, tags in one more, never one a row. */
@Repository
public class TicketQueries {

	private static final String COLUMNS = """
			select t.id, t.client_id, t.number, t.subject, t.status, t.severity, t.channel, t.tier, c.slug as category,
			  q.slug as queue, p.slug as product, t.custom_fields, a.email as assignee, r.email as requester_email, r.name as requester_name, t.follow_up_of,
			  f.number as follow_up_number, t.created_at, t.updated_at, t.solved_at, t.sla_clock, t.sla_warn_at, t.sla_due_at,
			  t.masked_kinds
			""";

	private static final String JOINS = """
			join users r on r.id = t.requester_id
			left join users a on a.id = t.assignee_id
			left join categories c on c.id = t.category_id
			left join queues q on q.id = t.queue_id
			left join products p on p.id = t.product_id
			left join tickets f on f.id = t.follow_up_of
			""";

	private static final String SELECT = COLUMNS + "from tickets t\n" + JOINS;

	private static final String QUEUE_ORDER = " order by t.updated_at desc, t.id desc";

	private static final String DUE_ORDER = " order by t.sla_due_at, t.id";


	private static final java.util.regex.Pattern TICKET_NUMBER = java.util.regex.Pattern.compile("([A-Za-z]+-)?\\d+");

	private final JdbcClient jdbc;
	private final AccessManagement access;
	private final JsonMapper json;

	TicketQueries(JdbcClient jdbc, AccessManagement access, JsonMapper json) {
		this.jdbc = jdbc;
		this.access = access;
		this.json = json;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> customFields(String stored) {
		return stored == null ? Map.of() : json.readValue(stored, Map.class);
	}

	/** What the queue and the portal filter on; every field may be null. */
	public record Filter(Long clientId, List<TicketStatus> statuses, Tier tier, Long assigneeId, boolean unassigned,
			Long requesterId, String text, boolean byDue) {
	}

	public record Page(List<TicketView> items, String nextCursor) {
	}

	public Optional<TicketView> view(long id) {
		return jdbc.sql(SELECT + " where t.id = ?").param(id).query(this::row).optional()
			.map(v -> withTags(List.of(v)).get(0));
	}

	Page list(TicketVisibility visibility, Filter filter, Keyset after, int limit) {
		StringBuilder where = new StringBuilder(" where ").append(visibility.sql());
		Map<String, Object> params = new HashMap<>(visibility.params());
		if (filter.clientId() != null) {
			where.append(" and t.client_id = :client");
			params.put("client", filter.clientId());
		}
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			where.append(" and t.status in (:statuses)");
			params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (filter.tier() != null) {
			where.append(" and t.tier = :tier");
			params.put("tier", filter.tier().name());
		}
		if (filter.assigneeId() != null) {
			where.append(" and t.assignee_id = :assignee");
			params.put("assignee", filter.assigneeId());
		}
		if (filter.unassigned()) {
			where.append(" and t.assignee_id is null");
		}
		if (filter.requesterId() != null) {
			where.append(" and t.requester_id = :requester");
			params.put("requester", filter.requesterId());
		}
		if (filter.text() != null && TICKET_NUMBER.matcher(filter.text()).matches()) {
			// "ACME-1042" or "1042": an indexed lookup, not a scan of every subject
			where.append(" and t.number = :numberText");
			params.put("numberText", numberIn(filter.text()));
		}
		else if (filter.text() != null) {
			where.append(" and lower(t.subject) like :text");
			params.put("text", "%" + filter.text().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.byDue()) {
			where.append(" and t.sla_due_at is not null");
		}
		if (after != null) {
			where.append(filter.byDue() ? " and (t.sla_due_at > :afterAt or (t.sla_due_at = :afterAt and t.id > :afterId))"
					: " and (t.updated_at < :afterAt or (t.updated_at = :afterAt and t.id < :afterId))");
			params.put("afterAt", after.at());
			params.put("afterId", after.id());
		}
		String order = filter.byDue() ? DUE_ORDER : QUEUE_ORDER;
		// The page is chosen on tickets alone, then its rows are joined: planning the six-way join with the
		// OR-ed visibility predicate cost PostgreSQL 2.5-3.5 ms a request, 5-8x the execution (docs/benchmarks.md).
		String sql = COLUMNS + "from (select * from tickets t" + where + order + " limit " + (limit + 1) + ") t\n" + JOINS + order;
		List<TicketView> rows = new ArrayList<>(jdbc.sql(sql).params(params).query(this::row).list());
		String next = null;
		if (rows.size() > limit) {
			rows = rows.subList(0, limit);
			TicketView last = rows.get(limit - 1);
			next = new Keyset(filter.byDue() ? last.sla().dueAt() : last.updatedAt(), last.id()).encode();
		}
		return new Page(withTags(rows), next);
	}

	/** "ACME-1042" or "1042" → 1042; anything else matches no number. */
	private static long numberIn(String text) {
		String digits = text.substring(text.lastIndexOf('-') + 1).strip();
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private List<TicketView> withTags(List<TicketView> views) {
		if (views.isEmpty()) {
			return views;
		}
		Map<Long, List<String>> tags = new HashMap<>();
		jdbc.sql("select ticket_id, tag from ticket_tags where ticket_id in (:ids) order by tag")
			.param("ids", views.stream().map(TicketView::id).toList())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return views.stream().map(v -> new TicketView(v.id(), v.number(), v.client(), v.subject(), v.status(), v.severity(),
				v.channel(), v.tier(), v.category(), v.product(), v.queue(), v.assignee(), v.requester(),
				tags.getOrDefault(v.id(), List.of()), v.customFields(), v.followUpOf(), v.createdAt(), v.updatedAt(), v.solvedAt(), v.sla(),
				v.maskedInSubject()))
			.toList();
	}

	private TicketView row(ResultSet rs, int n) throws SQLException {
		ClientRef client = access.organization(rs.getLong("client_id"));
		Object followUp = rs.getObject("follow_up_number");
		return new TicketView(rs.getLong("id"), client.ticketPrefix() + "-" + rs.getLong("number"), client.slug(),
				rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")), Severity.valueOf(rs.getString("severity")),
				Channel.valueOf(rs.getString("channel")), Tier.valueOf(rs.getString("tier")), rs.getString("category"),
				rs.getString("product"), rs.getString("queue"), rs.getString("assignee"),
				new TicketView.Person(rs.getString("requester_email"), rs.getString("requester_name")), List.of(),
				customFields(rs.getString("custom_fields")),
				followUp == null ? null : client.ticketPrefix() + "-" + followUp, Tickets.instant(rs, "created_at"),
				Tickets.instant(rs, "updated_at"), Tickets.instant(rs, "solved_at"), slaDue(rs),
				SecretScreen.kinds(rs.getString("masked_kinds")));
	}

	private static TicketView.SlaDue slaDue(ResultSet rs) throws SQLException {
		Instant due = Tickets.instant(rs, "sla_due_at");
		return due == null ? null : new TicketView.SlaDue(rs.getString("sla_clock"), Tickets.instant(rs, "sla_warn_at"), due);
	}

}
