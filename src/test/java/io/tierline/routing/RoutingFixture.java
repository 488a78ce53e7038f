package io.tierline.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue of acme of its own with agents of their own (a team, grants on that queue only), so a
 * test's picks are not disturbed by other tests' agents and tickets.
 */
final class RoutingFixture {

	final String queue = "rq-" + UUID.randomUUID().toString().substring(0, 8);
	final String team = "Team " + queue;
	final List<String> agents = new ArrayList<>();
	private final JdbcClient jdbc;
	private final Api admin;

	RoutingFixture(JdbcClient jdbc, Api admin) {
		this.jdbc = jdbc;
		this.admin = admin;
		var created = admin.post("/api/v1/routing/clients/acme/queues", Map.of("slug", queue, "name", "Queue " + queue));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long provider = jdbc.sql("select id from organizations where slug = 'northwind'").query(Long.class).single();
		jdbc.sql("insert into teams (org_id, name, kind) values (?, ?, 'EXTERNAL')").params(provider, team).update();
	}

	/** An agent of the fixture's team with a T1 grant on its queue, AVAILABLE around the clock with this capacity. */
	String agent(String name, int capacity) {
		String email = name + "-" + queue + "@northwind.test";
		long provider = jdbc.sql("select id from organizations where slug = 'northwind'").query(Long.class).single();
		long acme = jdbc.sql("select id from organizations where slug = 'acme'").query(Long.class).single();
		jdbc.sql("insert into users (email, name, org_id, active, created_at) values (?, ?, ?, true, ?)")
			.params(email, name, provider, Instant.now()).update();
		long user = jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
		long queueId = jdbc.sql("select id from queues where client_id = ? and slug = ?").params(acme, queue).query(Long.class).single();
		jdbc.sql("insert into grants (user_id, client_id, queue_id, tier) values (?, ?, ?, 'T1')").params(user, acme, queueId).update();
		long teamId = jdbc.sql("select id from teams where name = ?").param(team).query(Long.class).single();
		jdbc.sql("insert into team_members (team_id, user_id) values (?, ?)").params(teamId, user).update();
		var set = admin.put("/api/v1/routing/agents/" + email + "/availability", Map.of("status", "AVAILABLE", "capacity", capacity));
		assertThat(set.status()).as(set.text()).isEqualTo(200);
		agents.add(email);
		return email;
	}

	void strategy(String strategy) {
		var set = admin.put("/api/v1/routing/clients/acme/queues/" + queue, Map.of("strategy", strategy, "teams", List.of(team)));
		assertThat(set.status()).as(set.text()).isEqualTo(200);
	}

	long teamId() {
		return jdbc.sql("select id from teams where name = ?").param(team).query(Long.class).single();
	}
}
