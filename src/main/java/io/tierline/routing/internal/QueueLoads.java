package io.tierline.routing.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.routing.RoutingStrategy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The live view of a client's queues: open and waiting tickets per queue, and each agent's load against capacity. */
@Service
public class QueueLoads {

	public record QueueLoad(String queue, String name, RoutingStrategy strategy, long open, long unassigned, long p1) {
	}

	public record AgentLoad(String email, String name, String status, boolean onShift, int load, int capacity) {
	}

	public record ClientLoad(String client, List<QueueLoad> queues, List<AgentLoad> agents) {
	}

	private final RoutingAdmin admin;
	private final AccessManagement access;
	private final QueueSettings settings;
	private final JdbcClient jdbc;
	private final Clock clock;

	QueueLoads(RoutingAdmin admin, AccessManagement access, QueueSettings settings, JdbcClient jdbc, Clock clock) {
		this.admin = admin;
		this.access = access;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public ClientLoad of(Caller caller, String clientSlug) {
		ClientRef client = admin.client(caller, clientSlug);
		Map<Long, long[]> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select t.queue_id, count(*), sum(case when t.assignee_id is null then 1 else 0 end),
				  sum(case when t.severity = 'P1' then 1 else 0 end)
				from tickets t where t.client_id = ? and t.queue_id is not null and t.status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')
				group by t.queue_id""")
			.param(client.id())
			.query((rs, n) -> Map.entry(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }))
			.list().forEach(e -> counts.put(e.getKey(), e.getValue()));
		List<QueueLoad> queues = access.queues(client.id()).stream().map(q -> {
			long[] c = counts.getOrDefault(q.id(), new long[3]);
			return new QueueLoad(q.slug(), q.name(), settings.find(q.id()).map(QueueRouting::strategy).orElse(RoutingStrategy.MANUAL), c[0],
					c[1], c[2]);
		}).toList();
		List<AgentLoad> agents = jdbc.sql("""
				select a.*, u.email, u.name,
				  (select coalesce(sum(%s), 0) from tickets t where t.assignee_id = a.user_id and %s) as load
				from agent_availability a join users u on u.id = a.user_id
				where exists (select 1 from grants g where g.user_id = a.user_id and g.client_id = ?)
				order by u.email""".formatted(Agents.WEIGHT, Agents.ACTIVE))
			.param(client.id())
			.query((rs, n) -> {
				Availability a = Agents.availability(rs, n);
				return new AgentLoad(rs.getString("email"), rs.getString("name"), a.status().name(), a.onShift(clock.instant()),
						rs.getInt("load"), a.capacity());
			})
			.list();
		return new ClientLoad(client.slug(), queues, agents);
	}
}
