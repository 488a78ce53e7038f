package io.tierline.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.access.Caller;
import io.tierline.access.Grant;
import io.tierline.access.OnboardingStage;
import io.tierline.access.OrgRole;
import io.tierline.access.Role;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link Caller} from the user's roles, grants and onboarding stages. Kept for a few
 * seconds so a burst of API calls does not reload it each time; changes made on this node evict
 * it at once, changes on another node show within {@link #TTL}.
 */
@Component
class CallerLoader {

	static final Duration TTL = Duration.ofSeconds(5);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	CallerLoader(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Caller load(long userId, Set<String> scopes) {
		Instant now = clock.instant();
		Cached cached = cache.get(userId);
		if (cached == null || cached.expires.isBefore(now)) {
			cached = new Cached(fromDatabase(userId), now.plus(TTL));
			cache.put(userId, cached);
		}
		Caller c = cached.caller;
		return new Caller(c.userId(), c.email(), c.name(), c.homeOrgId(), c.roles(), c.grants(), c.stages(), scopes);
	}

	void evict(long userId) {
		cache.remove(userId);
	}

	void evictAll() {
		cache.clear();
	}

	private Caller fromDatabase(long userId) {
		var user = jdbc.sql("select id, email, name, org_id from users where id = ? and active").param(userId)
			.query((rs, n) -> new Object[] { rs.getString("email"), rs.getString("name"), rs.getLong("org_id") })
			.optional().orElseThrow(() -> new NotFoundException("User " + userId));
		Set<OrgRole> roles = new HashSet<>(jdbc.sql("select org_id, role from user_roles where user_id = ?").param(userId)
			.query((rs, n) -> new OrgRole(rs.getLong("org_id"), Role.valueOf(rs.getString("role"))))
			.list());
		List<Grant> grants = jdbc.sql("select id, client_id, queue_id, category_id, tier from grants where user_id = ?")
			.param(userId)
			.query((rs, n) -> new Grant(rs.getLong("id"), rs.getLong("client_id"), (Long) rs.getObject("queue_id", Long.class),
					rs.getObject("category_id", Long.class), Tier.valueOf(rs.getString("tier"))))
			.list();
		Map<Long, OnboardingStage> stages = new HashMap<>();
		jdbc.sql("select client_id, stage from agent_clients where user_id = ?").param(userId)
			.query((rs, n) -> Map.entry(rs.getLong("client_id"), OnboardingStage.valueOf(rs.getString("stage"))))
			.list()
			.forEach(e -> stages.put(e.getKey(), e.getValue()));
		return new Caller(userId, (String) user[0], (String) user[1], (Long) user[2], Set.copyOf(roles), List.copyOf(grants),
				Map.copyOf(stages), null);
	}

	private record Cached(Caller caller, Instant expires) {
	}
}
