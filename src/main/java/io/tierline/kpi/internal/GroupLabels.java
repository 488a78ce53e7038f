package io.tierline.kpi.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tierline.access.AccessManagement;
import io.tierline.kpi.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns the ids the queries group by into names people read: client slug, agent e-mail, team name, category slug. */
@Component
class GroupLabels {

	private final AccessManagement access;
	private final JdbcClient jdbc;

	GroupLabels(AccessManagement access, JdbcClient jdbc) {
		this.access = access;
		this.jdbc = jdbc;
	}

	List<KpiValue> label(GroupBy groupBy, List<KpiValue> values) {
		Map<String, String> names = new HashMap<>();
		return values.stream().map(v -> new KpiValue(v.kpi(), names.computeIfAbsent(Objects.toString(v.group(), "none"),
				raw -> name(groupBy, raw)), v.value(), v.numerator(), v.denominator())).toList();
	}

	private String name(GroupBy groupBy, String raw) {
		if (raw.equals("none") || raw.equals("all")) {
			return raw;
		}
		long id = switch (groupBy) {
			case CLIENT, AGENT, CATEGORY, TEAM, QUEUE -> Long.parseLong(raw);
			default -> 0;
		};
		return switch (groupBy) {
			case CLIENT -> access.organization(id).slug();
			case AGENT -> access.user(id).email();
			case CATEGORY -> access.categorySlug(id);
			case QUEUE -> access.queueSlug(id);
			case TEAM -> jdbc.sql("select name from teams where id = ?").param(id).query(String.class).optional().orElse(raw);
			default -> raw;
		};
	}
}
