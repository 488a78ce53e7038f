package io.tierline.routing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.routing.RoutingStrategy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may be given a ticket (issue 9): a grant covers its client, queue, category and tier; not in
 * the SHADOW stage for the client (SPEC §1); a member of a team working the queue when the queue
 * names teams; not on a team working another client's dedicated queue; AVAILABLE and on shift.
 * The pool is cached briefly per node (reloaded in the background); loads are read for every decision.
 */
@Repository
class Candidates {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Agents agents;
	private final RefreshingCache<PoolKey, Pool> pools;
	private final Map<Long, String> emails = new java.util.concurrent.ConcurrentHashMap<>();

	Candidates(JdbcClient jdbc, JsonMapper json, Agents agents, CacheReloads reloads,
			@org.springframework.beans.factory.annotation.Value("${tierline.routing.pool-cache-ms:5000}") long poolCacheMillis) {
		this.jdbc = jdbc;
		this.json = json;
		this.agents = agents;
		this.pools = new RefreshingCache<>(this::loadPool, poolCacheMillis, reloads);
	}

	/**
	 * Who is eligible, from the pool (cached a few seconds), with their loads read now — unless the
	 * strategy's order does not depend on them (round robin): each load is then only read, as
	 * committed, under the agent's lock when the agent's turn comes.
	 */
	List<Candidate> of(RoutedTicket t, Long excluded, Instant now, RoutingStrategy strategy) {
		List<Availability> eligible = poolOf(t, strategy).agents.stream()
			.filter(a -> excluded == null || a.userId() != excluded)
			.filter(a -> a.onShift(now))
			.toList();
		if (eligible.isEmpty()) {
			return List.of();
		}
		Map<Long, Integer> loads = strategy != RoutingStrategy.ROUND_ROBIN ? loads(eligible.stream().map(Availability::userId).toList())
				: Map.of();
		return eligible.stream().map(a -> new Candidate(a.userId(), emails.get(a.userId()), a, loads.getOrDefault(a.userId(), 0))).toList();
	}

	/** Their active tickets weighted by severity, one grouped index scan. */
	Map<Long, Integer> loads(List<Long> userIds) {
		Map<Long, Integer> loads = new java.util.HashMap<>();
		jdbc.sql("select t.assignee_id, sum(" + Agents.WEIGHT + ") from tickets t where t.assignee_id in (:ids) and " + Agents.ACTIVE
				+ " group by t.assignee_id")
			.param("ids", userIds)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()
			.forEach(e -> loads.put(e.getKey(), e.getValue()));
		return loads;
	}

	/** Drops the cached pools (a setting, an availability or a skill changed on this node). */
	void invalidate() {
		pools.invalidate();
	}

	/** A pool is per client, queue, category and tier; the skills strategy's pools carry the agents' skills. */
	private record PoolKey(long clientId, long queueId, long categoryId, String tier, boolean withSkills) {
	}

	private record Pool(List<Availability> agents, Map<Long, List<Skill>> skills) {
	}

	/** The skills of the ticket's pool, cached with the pool (a skill change on this node drops both). */
	Map<Long, List<Skill>> skills(RoutedTicket t) {
		return poolOf(t, RoutingStrategy.SKILLS).skills;
	}

	/**
	 * The agents a grant, the onboarding stage and the queue's teams allow, who are AVAILABLE: kept
	 * per node for {@code tierline.routing.pool-cache-ms} (5 s) and then reloaded in the background
	 * — grants, teams and settings change rarely, and what matters for fairness (status, capacity,
	 * load) is re-read under the agent's lock.
	 */
	private Pool poolOf(RoutedTicket t, RoutingStrategy strategy) {
		return pools.get(new PoolKey(t.clientId(), t.queueId(), t.categoryId() == null ? -1L : t.categoryId(), t.tier(),
				strategy == RoutingStrategy.SKILLS));
	}

	private Pool loadPool(PoolKey key) {
		List<Availability> pool = load(key);
		return new Pool(pool, key.withSkills() ? agents.skillsOf(pool.stream().map(Availability::userId).toList()) : Map.of());
	}

	private List<Availability> load(PoolKey key) {
		return jdbc.sql("""
				select a.*, u.email from agent_availability a join users u on u.id = a.user_id
				where a.status = 'AVAILABLE' and u.active
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
				order by a.user_id""")
			.param("client", key.clientId())
			.param("tier", key.tier())
			.param("queue", key.queueId())
			.param("category", key.categoryId())
			.query((rs, n) -> {
				emails.put(rs.getLong("user_id"), rs.getString("email"));
				return Agents.availability(rs, n);
			})
			.list();
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
			.optional();
	}

	/** The ticket with its tags (certifications, a {@code lang:xx} tag): only the skills strategy reads them. */
	RoutedTicket withTags(RoutedTicket t) {
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
