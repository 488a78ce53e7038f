package io.tierline.notify.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Webhook endpoints of each organization, with the secret their deliveries are signed with. */
@Repository
public class WebhookEndpoints {

	/** The event types a receiver may subscribe to. */
	public static final Set<String> EVENT_TYPES = new TreeSet<>(Set.of("engineering.required", "escalation.returned",
			"known_issue.threshold_crossed", "known_issue.fixed", "sla.breached", "ping"));

	public record Endpoint(long id, long orgId, String url, String secret, Set<String> eventTypes, boolean active,
			Instant createdAt) {

		public boolean wants(String type) {
			return active && (eventTypes.contains(type) || "ping".equals(type));
		}
	}

	private final JdbcClient jdbc;

	WebhookEndpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long orgId, String url, String secret, Set<String> types, long createdBy, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into webhook_endpoints (org_id, url, secret, event_types, active, created_by, created_at) values (?, ?, ?, ?, true, ?, ?)")
			.params(orgId, url, secret, String.join(",", new TreeSet<>(types)), createdBy, at).update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long id, String url, Set<String> types, boolean active) {
		jdbc.sql("update webhook_endpoints set url = ?, event_types = ?, active = ? where id = ?")
			.params(url, String.join(",", new TreeSet<>(types)), active, id).update();
	}

	/** Deliveries keep their history, so an endpoint with deliveries is deactivated instead of deleted. */
	boolean delete(long id) {
		long used = jdbc.sql("select count(*) from webhook_deliveries where endpoint_id = ?").param(id).query(Long.class).single();
		if (used > 0) {
			jdbc.sql("update webhook_endpoints set active = false where id = ?").param(id).update();
			return false;
		}
		jdbc.sql("delete from webhook_endpoints where id = ?").param(id).update();
		return true;
	}

	public Optional<Endpoint> find(long id) {
		return jdbc.sql("select * from webhook_endpoints where id = ?").param(id).query(WebhookEndpoints::endpoint).optional();
	}

	public List<Endpoint> ofOrganizations(List<Long> orgIds) {
		if (orgIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from webhook_endpoints where org_id in (:orgs) order by id").param("orgs", orgIds)
			.query(WebhookEndpoints::endpoint).list();
	}

	private static Endpoint endpoint(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Set<String> types = new TreeSet<>(Arrays.stream(rs.getString("event_types").split(",")).filter(t -> !t.isBlank()).toList());
		return new Endpoint(rs.getLong("id"), rs.getLong("org_id"), rs.getString("url"), rs.getString("secret"), types,
				rs.getBoolean("active"), InAppNotifications.instant(rs, "created_at"));
	}
}
