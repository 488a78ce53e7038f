package io.tierline.access.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.access.OnboardingStage;
import io.tierline.access.Role;
import io.tierline.common.Tier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Users with their roles, grants and onboarding stages. */
@Repository
class People {

	record GrantRow(long id, long userId, long clientId, String client, String queue, String category, Tier tier) {
	}

	record StageRow(long clientId, String client, OnboardingStage stage) {
	}

	record RoleRow(String org, Role role) {
	}

	record UserRow(long id, String email, String name, long orgId, String org, boolean active, Instant createdAt,
			List<RoleRow> roles, List<GrantRow> grants, List<StageRow> stages) {
	}

	private final JdbcClient jdbc;

	People(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserRow> find(long id) {
		return rows("where u.id = :id", Map.of("id", id), 1).stream().findFirst();
	}

	List<UserRow> page(long orgId, long afterId, int limit) {
		return rows("where u.org_id = :org and u.id > :after", Map.of("org", orgId, "after", afterId), limit);
	}

	long insert(String email, String name, long orgId, String passwordHash, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into users (email, name, org_id, password_hash, active, created_at) values (?, ?, ?, ?, true, ?)")
			.params(email, name, orgId, passwordHash, at).update(keys, "id");
		return keys.getKey().longValue();
	}

	void setPassword(long userId, String hash) {
		jdbc.sql("update users set password_hash = ? where id = ?").params(hash, userId).update();
	}

	void addRole(long userId, long orgId, Role role) {
		jdbc.sql("insert into user_roles (user_id, org_id, role) select ?, ?, ? where not exists (select 1 from user_roles where user_id = ? and org_id = ? and role = ?)")
			.params(userId, orgId, role.name(), userId, orgId, role.name()).update();
	}

	void removeRole(long userId, long orgId, Role role) {
		jdbc.sql("delete from user_roles where user_id = ? and org_id = ? and role = ?").params(userId, orgId, role.name()).update();
	}

	long addGrant(long userId, long clientId, Long queueId, Long categoryId, Tier tier) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into grants (user_id, client_id, queue_id, category_id, tier) values (?, ?, ?, ?, ?)")
			.params(userId, clientId, queueId, categoryId, tier.name()).update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<GrantRow> grant(long id) {
		return grantRows("g.id = :id", Map.of("id", id)).stream().findFirst();
	}

	List<GrantRow> grantsOf(long userId) {
		return grantRows("g.user_id = :id", Map.of("id", userId));
	}

	void removeGrant(long id) {
		jdbc.sql("delete from grants where id = ?").param(id).update();
	}

	OnboardingStage stage(long userId, long clientId) {
		return jdbc.sql("select stage from agent_clients where user_id = ? and client_id = ?").params(userId, clientId)
			.query(String.class).optional().map(OnboardingStage::valueOf).orElse(null);
	}

	void setStage(long userId, long clientId, OnboardingStage stage) {
		if (jdbc.sql("update agent_clients set stage = ? where user_id = ? and client_id = ?").params(stage.name(), userId, clientId).update() == 0) {
			jdbc.sql("insert into agent_clients (user_id, client_id, stage) values (?, ?, ?)").params(userId, clientId, stage.name()).update();
		}
	}

	/** Users with roles, grants and stages in four queries, whatever the page size. */
	private List<UserRow> rows(String where, Map<String, Object> params, int limit) {
		var base = jdbc.sql("select u.id, u.email, u.name, u.org_id, o.slug as org, u.active, u.created_at from users u join organizations o on o.id = u.org_id "
				+ where + " order by u.id limit " + limit).params(params)
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getLong("org_id"),
					rs.getString("org"), rs.getBoolean("active"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant() })
			.list();
		if (base.isEmpty()) {
			return List.of();
		}
		List<Long> ids = base.stream().map(r -> (Long) r[0]).toList();
		Map<Long, List<RoleRow>> roles = new HashMap<>();
		jdbc.sql("select r.user_id, o.slug, r.role from user_roles r join organizations o on o.id = r.org_id where r.user_id in (:ids) order by o.slug, r.role")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1), new RoleRow(rs.getString(2), Role.valueOf(rs.getString(3))))).list()
			.forEach(e -> roles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, List<GrantRow>> grants = new HashMap<>();
		grantRows("g.user_id in (:ids)", Map.of("ids", ids)).forEach(g -> grants.computeIfAbsent(g.userId(), k -> new ArrayList<>()).add(g));
		Map<Long, List<StageRow>> stages = new HashMap<>();
		jdbc.sql("select a.user_id, a.client_id, o.slug, a.stage from agent_clients a join organizations o on o.id = a.client_id where a.user_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1), new StageRow(rs.getLong(2), rs.getString(3), OnboardingStage.valueOf(rs.getString(4))))).list()
			.forEach(e -> stages.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return base.stream().map(r -> new UserRow((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (String) r[4],
				(Boolean) r[5], (Instant) r[6], roles.getOrDefault((Long) r[0], List.of()), grants.getOrDefault((Long) r[0], List.of()),
				stages.getOrDefault((Long) r[0], List.of()))).toList();
	}

	private List<GrantRow> grantRows(String where, Map<String, Object> params) {
		return jdbc.sql("""
				select g.id, g.user_id, g.client_id, o.slug as client, q.slug as queue, c.slug as category, g.tier
				from grants g join organizations o on o.id = g.client_id
				left join queues q on q.id = g.queue_id left join categories c on c.id = g.category_id
				where """ + " " + where + " order by o.slug, g.tier")
			.params(params)
			.query((rs, n) -> new GrantRow(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("client_id"), rs.getString("client"),
					rs.getString("queue"), rs.getString("category"), Tier.valueOf(rs.getString("tier"))))
			.list();
	}
}
