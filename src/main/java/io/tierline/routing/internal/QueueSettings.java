package io.tierline.routing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.routing.RoutingStrategy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routing_queues and queue_teams tables. */
@Repository
class QueueSettings {

	private final JdbcClient jdbc;
	private final RefreshingCache<Long, Optional<QueueRouting>> cache;

	QueueSettings(JdbcClient jdbc, CacheReloads reloads,
			@org.springframework.beans.factory.annotation.Value("${tierline.routing.pool-cache-ms:5000}") long cacheMillis) {
		this.jdbc = jdbc;
		this.cache = new RefreshingCache<>(this::read, cacheMillis, reloads);
	}

	/** The queue's settings, kept per node as long as the candidate pools (a change elsewhere shows within seconds). */
	Optional<QueueRouting> find(long queueId) {
		return cache.get(queueId);
	}

	void invalidate() {
		cache.invalidate();
	}

	private Optional<QueueRouting> read(long queueId) {
		return jdbc.sql("select queue_id, client_id, strategy, dedicated, reassign_on_breach from routing_queues where queue_id = ?")
			.param(queueId)
			.query((rs, n) -> new QueueRouting(rs.getLong(1), rs.getLong(2), RoutingStrategy.valueOf(rs.getString(3)), rs.getBoolean(4),
					rs.getBoolean(5), teams(queueId)))
			.optional();
	}

	List<Long> teams(long queueId) {
		return jdbc.sql("select team_id from queue_teams where queue_id = ? order by team_id").param(queueId).query(Long.class).list();
	}

	void save(QueueRouting q, Instant now) {
		cache.remove(q.queueId());
		int updated = jdbc.sql("update routing_queues set strategy = ?, dedicated = ?, reassign_on_breach = ?, updated_at = ? where queue_id = ?")
			.params(q.strategy().name(), q.dedicated(), q.reassignOnBreach(), now, q.queueId()).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into routing_queues (queue_id, client_id, strategy, dedicated, reassign_on_breach, updated_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(q.queueId(), q.clientId(), q.strategy().name(), q.dedicated(), q.reassignOnBreach(), now).update();
		}
		jdbc.sql("delete from queue_teams where queue_id = ?").param(q.queueId()).update();
		q.teamIds().forEach(t -> jdbc.sql("insert into queue_teams (queue_id, team_id) values (?, ?)").params(q.queueId(), t).update());
	}

	/** Round robin: locks the queue's row (concurrent picks in this queue wait) and reads the agent picked last. */
	Long lockCursor(long queueId) {
		return jdbc.sql("select last_agent_id from routing_queues where queue_id = ? for update").param(queueId)
			.query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().orElse(null);
	}

	void moveCursor(long queueId, long agentId) {
		jdbc.sql("update routing_queues set last_agent_id = ? where queue_id = ?").params(agentId, queueId).update();
	}

	/** Routed queues (not manual) whose tickets an agent may hold, to find what to reassign when they go away. */
	List<Long> routedQueueIds() {
		return jdbc.sql("select queue_id from routing_queues where strategy <> 'MANUAL'").query(Long.class).list();
	}
}
