package io.tierline.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.common.Tier;
import io.tierline.sla.ClockKind;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each client's policy matrix and SLA settings. Read on every ticket change, so kept in memory
 * for a few seconds per node; a change shows at once on the node that made it.
 */
@Repository
public class SlaPolicies {

	static final int DEFAULT_WARNING_PERCENT = 80;

	private static final long CACHE_MILLIS = 5_000;

	/** The calendar (null: Mon–Fri 09:00–17:00 UTC) and the warning fraction of a client. */
	public record Settings(long clientId, Long calendarId, int warningPercent) {
	}

	private record Cached(List<PolicyRule> rules, Settings settings, long loadedAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	SlaPolicies(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The target for a clock of a ticket at this tier, channel and severity; empty when the policy sets none. */
	public Optional<PolicyRule> match(long clientId, ClockKind kind, Tier tier, Channel channel, Severity severity) {
		return cached(clientId).rules().stream()
			.filter(r -> r.matches(kind, tier, channel, severity))
			.max(Comparator.comparingInt(PolicyRule::specificity));
	}

	public List<PolicyRule> rules(long clientId) {
		return cached(clientId).rules();
	}

	public Settings settings(long clientId) {
		return cached(clientId).settings();
	}

	public Optional<PolicyRule> rule(long id) {
		return jdbc.sql("select * from sla_policy_rules where id = ?").param(id).query(SlaPolicies::rule).optional();
	}

	/** Writes the SPEC defaults for a client that has no rules yet; true when it did. */
	@Transactional
	public boolean seedDefaults(long clientId) {
		Long stored = jdbc.sql("select count(*) from sla_policy_rules where client_id = ?").param(clientId).query(Long.class).single();
		if (stored > 0) {
			return false;
		}
		DefaultPolicy.forClient(clientId).forEach(this::insert);
		forget(clientId);
		return true;
	}

	public long insert(PolicyRule r) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into sla_policy_rules (client_id, clock, tier, channel, severity, target_seconds, business_time,
				  notify_lead, raise_severity, reassign_queue_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.clientId(), r.clock().name(), name(r.tier()), name(r.channel()), name(r.severity()), r.target().toSeconds(),
					r.businessTime(), r.notifyLead(), r.raiseSeverity(), r.reassignQueueId(), clock.instant())
			.update(keys, "id");
		forget(r.clientId());
		return keys.getKey().longValue();
	}

	public void update(PolicyRule r) {
		jdbc.sql("""
				update sla_policy_rules set clock = ?, tier = ?, channel = ?, severity = ?, target_seconds = ?, business_time = ?,
				  notify_lead = ?, raise_severity = ?, reassign_queue_id = ?, updated_at = ? where id = ?""")
			.params(r.clock().name(), name(r.tier()), name(r.channel()), name(r.severity()), r.target().toSeconds(), r.businessTime(),
					r.notifyLead(), r.raiseSeverity(), r.reassignQueueId(), clock.instant(), r.id())
			.update();
		forget(r.clientId());
	}

	public void delete(PolicyRule r) {
		jdbc.sql("delete from sla_policy_rules where id = ?").param(r.id()).update();
		forget(r.clientId());
	}

	public void saveSettings(Settings s) {
		Instant now = clock.instant();
		int updated = jdbc.sql("update sla_settings set calendar_id = ?, warning_percent = ?, updated_at = ? where client_id = ?")
			.params(s.calendarId(), s.warningPercent(), now, s.clientId()).update();
		if (updated == 0) {
			jdbc.sql("insert into sla_settings (client_id, calendar_id, warning_percent, updated_at) values (?, ?, ?, ?)")
				.params(s.clientId(), s.calendarId(), s.warningPercent(), now).update();
		}
		forget(s.clientId());
	}

	void forget(long clientId) {
		cache.remove(clientId);
	}

	private Cached cached(long clientId) {
		long now = System.currentTimeMillis();
		Cached c = cache.get(clientId);
		if (c == null || now - c.loadedAt() > CACHE_MILLIS) {
			c = new Cached(load(clientId), loadSettings(clientId), now);
			cache.put(clientId, c);
		}
		return c;
	}

	private List<PolicyRule> load(long clientId) {
		List<PolicyRule> stored = jdbc.sql("select * from sla_policy_rules where client_id = ? order by clock, id")
			.param(clientId).query(SlaPolicies::rule).list();
		// a client created after start-up works under the SPEC defaults until its rules are written
		return stored.isEmpty() ? DefaultPolicy.forClient(clientId) : List.copyOf(stored);
	}

	private Settings loadSettings(long clientId) {
		return jdbc.sql("select client_id, calendar_id, warning_percent from sla_settings where client_id = ?").param(clientId)
			.query((rs, n) -> new Settings(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getInt(3)))
			.optional()
			.orElse(new Settings(clientId, null, DEFAULT_WARNING_PERCENT));
	}

	private static PolicyRule rule(ResultSet rs, int n) throws SQLException {
		return new PolicyRule(rs.getLong("id"), rs.getLong("client_id"), ClockKind.valueOf(rs.getString("clock")),
				value(Tier.class, rs.getString("tier")), value(Channel.class, rs.getString("channel")),
				value(Severity.class, rs.getString("severity")), Duration.ofSeconds(rs.getLong("target_seconds")),
				rs.getBoolean("business_time"), rs.getBoolean("notify_lead"), rs.getBoolean("raise_severity"),
				rs.getObject("reassign_queue_id", Long.class));
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}
}
