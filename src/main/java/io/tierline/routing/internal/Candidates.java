package io.tierline.routing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may be given a ticket (issue 9): a grant covers its client, queue, category and tier; not in
 * the SHADOW stage for the client (SPEC §1); a member of a team working the queue when the queue
 * names teams; not on a team working another client's dedicated queue; AVAILABLE and on shift.
 * One query with each agent's load.
 */
@Repository
class Candidates {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Candidates(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<Candidate> of(RoutedTicket t, Long excluded, Instant now) {
		return jdbc.sql("""
				select a.*, u.email,
				  (select coalesce(sum(%s), 0) from tickets t where t.assignee_id = a.user_id and %s) as load
				from agent_availability a join users u on u.id = a.user_id
				where a.status = 'AVAILABLE' and u.active and a.user_id <> :excluded
				  and exists (select 1 from grants g where g.user_id = a.user_id and g.client_id = :client
				              and (g.tier = :tier or (g.tier = 'T3' and :tier = 'T4'))
				              and (g.queue_id is null or g.queue_id = :queue)
				              and (g.category_id is null or g.category_id = :category))
				  and not exists (select 1 from agent_clients ac where ac.user_id = a.user_id and ac.client_id = :client
				                  and ac.stage = 'SHADOW')
				  and (not exists (select 1 from queue_teams qt where qt.queue_id = :queue)
				       or exists (select 1 from queue_teams qt join team_members tm on tm.team_id = qt.team_id
				                  where qt.queue_id = :queue and tm.user_id = a.user_id))
				  and not exists (select 1 from team_members tm join queue_teams qt on qt.team_id = tm.team_id
				                  join routing_queues rq on rq.queue_id = qt.queue_id
				                  where tm.user_id = a.user_id and rq.dedicated and rq.client_id <> :client)
				order by a.user_id""".formatted(Agents.WEIGHT, Agents.ACTIVE))
			.param("excluded", excluded == null ? -1L : excluded)
			.param("client", t.clientId())
			.param("tier", t.tier())
			.param("queue", t.queueId())
			.param("category", t.categoryId() == null ? -1L : t.categoryId())
			.query((rs, n) -> new Candidate(rs.getLong("user_id"), rs.getString("email"), Agents.availability(rs, n), rs.getInt("load")))
			.list()
			.stream()
			.filter(c -> c.availability().onShift(now))
			.toList();
	}

	Optional<RoutedTicket> ticket(long ticketId) {
		return jdbc.sql("""
				select t.id, t.client_id, t.queue_id, t.category_id, c.slug as category, p.slug as product, t.severity, t.tier, t.channel,
				  t.status, t.assignee_id, t.custom_fields
				from tickets t left join categories c on c.id = t.category_id left join products p on p.id = t.product_id
				where t.id = ?""")
			.param(ticketId)
			.query((rs, n) -> new RoutedTicket(rs.getLong("id"), rs.getLong("client_id"), rs.getObject("queue_id", Long.class),
					rs.getObject("category_id", Long.class), rs.getString("category"), rs.getString("product"), rs.getString("severity"),
					rs.getString("tier"), rs.getString("channel"), rs.getString("status"), rs.getObject("assignee_id", Long.class),
					language(rs.getString("custom_fields")), List.of()))
			.optional()
			.map(this::withTags);
	}

	private RoutedTicket withTags(RoutedTicket t) {
		List<String> tags = jdbc.sql("select tag from ticket_tags where ticket_id = ? order by tag").param(t.id()).query(String.class).list();
		String language = t.language() != null ? t.language()
				: tags.stream().filter(tag -> tag.startsWith("lang:")).map(tag -> tag.substring(5)).findFirst().orElse(null);
		return new RoutedTicket(t.id(), t.clientId(), t.queueId(), t.categoryId(), t.category(), t.product(), t.severity(), t.tier(),
				t.channel(), t.status(), t.assigneeId(), language, tags);
	}

	/** The {@code language} custom field, lower case; null when absent. */
	private String language(String customFields) {
		if (customFields == null) {
			return null;
		}
		Object value = json.readValue(customFields, Map.class).get("language");
		return value instanceof String s && !s.isBlank() ? s.strip().toLowerCase() : null;
	}
}
