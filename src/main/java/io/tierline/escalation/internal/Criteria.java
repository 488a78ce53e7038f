package io.tierline.escalation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.tierline.common.Tier;
import io.tierline.ticket.Severity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The escalation criteria each client's admins write. */
@Repository
public class Criteria {

	private final JdbcClient jdbc;

	Criteria(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Criterion> ofClient(long clientId, boolean activeOnly) {
		return jdbc.sql("select * from escalation_criteria where client_id = ?" + (activeOnly ? " and active" : "") + " order by code")
			.param(clientId).query(Criteria::criterion).list();
	}

	public Optional<Criterion> find(long id) {
		return jdbc.sql("select * from escalation_criteria where id = ?").param(id).query(Criteria::criterion).optional();
	}

	public Optional<Criterion> byCode(long clientId, String code) {
		return jdbc.sql("select * from escalation_criteria where client_id = ? and code = ?").params(clientId, code)
			.query(Criteria::criterion).optional();
	}

	public long insert(Criterion c) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into escalation_criteria (client_id, category_id, code, name, description, to_tiers, suspected_defect,
				  max_severity, min_customers_affected, allows_tier_skip, active)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.clientId(), c.categoryId(), c.code(), c.name(), c.description(), tiers(c.toTiers()), c.suspectedDefect(),
					c.maxSeverity() == null ? null : c.maxSeverity().name(), c.minCustomersAffected(), c.allowsTierSkip(), c.active())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void update(Criterion c) {
		jdbc.sql("""
				update escalation_criteria set category_id = ?, code = ?, name = ?, description = ?, to_tiers = ?, suspected_defect = ?,
				  max_severity = ?, min_customers_affected = ?, allows_tier_skip = ?, active = ?
				where id = ?""")
			.params(c.categoryId(), c.code(), c.name(), c.description(), tiers(c.toTiers()), c.suspectedDefect(),
					c.maxSeverity() == null ? null : c.maxSeverity().name(), c.minCustomersAffected(), c.allowsTierSkip(), c.active(),
					c.id())
			.update();
	}

	private static String tiers(Set<Tier> tiers) {
		return new TreeSet<>(tiers).stream().map(Enum::name).collect(Collectors.joining(","));
	}

	private static Criterion criterion(ResultSet rs, int n) throws SQLException {
		Set<Tier> tiers = EnumSet.noneOf(Tier.class);
		Arrays.stream(rs.getString("to_tiers").split(",")).filter(s -> !s.isBlank()).map(Tier::valueOf).forEach(tiers::add);
		String maxSeverity = rs.getString("max_severity");
		Object minCustomers = rs.getObject("min_customers_affected");
		return new Criterion(rs.getLong("id"), rs.getLong("client_id"), (Long) rs.getObject("category_id", Long.class),
				rs.getString("code"), rs.getString("name"), rs.getString("description"), tiers, rs.getBoolean("suspected_defect"),
				maxSeverity == null ? null : Severity.valueOf(maxSeverity),
				minCustomers == null ? null : ((Number) minCustomers).intValue(), rs.getBoolean("allows_tier_skip"),
				rs.getBoolean("active"));
	}
}
