package io.tierline.routing.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reassignments to make, written in the transaction of their cause (an SLA breach round, an agent
 * going away) so none is lost, and claimed one at a time with SKIP LOCKED so each runs once across nodes.
 */
@Repository
class RoutingRequests {

	record Request(long id, long ticketId, String reason, Long excludeAgentId, boolean unassignIfNobody) {
	}

	private final JdbcClient jdbc;

	RoutingRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long ticketId, String reason, Long excludeAgentId, boolean unassignIfNobody, Instant now) {
		jdbc.sql("insert into routing_requests (ticket_id, reason, exclude_agent_id, unassign_if_nobody, requested_at) values (?, ?, ?, ?, ?)")
			.params(ticketId, reason, excludeAgentId, unassignIfNobody, now).update();
	}

	/**
	 * SPEC §4 breach action "reassign": one request per breached ticket that has an agent and sits in
	 * a routed queue asking for reassignment on breach; one statement for a whole round of breaches.
	 */
	int addForBreaches(List<Long> ticketIds, String reason, Instant now) {
		return jdbc.sql("""
				insert into routing_requests (ticket_id, reason, exclude_agent_id, unassign_if_nobody, requested_at)
				select t.id, :reason, t.assignee_id, false, :now from tickets t join routing_queues rq on rq.queue_id = t.queue_id
				where t.id in (:ids) and rq.reassign_on_breach and rq.strategy <> 'MANUAL' and t.assignee_id is not null""")
			.param("reason", reason).param("now", now).param("ids", ticketIds).update();
	}

	/** The oldest request no other node is working on, locked until the caller's transaction ends. */
	java.util.Optional<Request> claim() {
		return jdbc.sql("""
				select id, ticket_id, reason, exclude_agent_id, unassign_if_nobody from routing_requests order by requested_at, id
				limit 1 for update skip locked""")
			.query((rs, n) -> new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class), rs.getBoolean(5)))
			.optional();
	}

	void delete(long id) {
		jdbc.sql("delete from routing_requests where id = ?").param(id).update();
	}

	long pending() {
		return jdbc.sql("select count(*) from routing_requests").query(Long.class).single();
	}

	/** An agent's active tickets in routed queues, to hand to others when they go away. */
	List<Long> activeTicketsOf(long agentId) {
		return jdbc.sql("""
				select t.id from tickets t join routing_queues rq on rq.queue_id = t.queue_id
				where t.assignee_id = ? and rq.strategy <> 'MANUAL' and t.status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')
				order by t.id""")
			.param(agentId).query(Long.class).list();
	}

	/** Unassigned active tickets of routed queues, oldest first: they wait for an agent with room. */
	List<Long> waiting(int limit) {
		return jdbc.sql("""
				select t.id from tickets t join routing_queues rq on rq.queue_id = t.queue_id
				where t.assignee_id is null and rq.strategy <> 'MANUAL' and t.status in ('NEW', 'OPEN') and t.channel <> 'CHAT'
				order by t.created_at, t.id limit ?""")
			.param(limit).query(Long.class).list();
	}
}
