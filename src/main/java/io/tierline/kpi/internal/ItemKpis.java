package io.tierline.kpi.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import io.tierline.kpi.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The KPIs over what cohort tickets have many of (SPEC §7): escalation accuracy, mean time to
 * escalate, CSAT and AHT. One grouped scan of kpi_items over the cohort index.
 */
@Repository
class ItemKpis {

	private static final List<String> TIERS = List.of("T1", "T2", "T3");

	private final JdbcClient jdbc;

	ItemKpis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param cohortSizes tickets per group, the AHT denominator */
	List<KpiValue> values(KpiQuery q, Map<String, Long> cohortSizes) {
		StringBuilder sums = new StringBuilder();
		for (String t : TIERS) {
			String escalation = "kind = 'ESCALATION' and at <= :asOf and tier = '" + t + "'";
			sums.append(sum("esc_s_" + t, escalation, "amount")).append(sum("esc_n_" + t, escalation, "1"))
				.append(sum("min_" + t, "kind = 'TIME' and at <= :asOf and tier = '" + t + "'", "amount"))
				.append(sum("csat_n_" + t, "kind = 'CSAT' and at <= :asOf and resolution_tier = '" + t + "'", "1"))
				.append(sum("csat_good_" + t, "kind = 'CSAT' and at <= :asOf and amount >= 4 and resolution_tier = '" + t + "'", "1"));
		}
		String decided = "kind = 'ESCALATION' and to_tier = 'T3' and decided_at <= :asOf";
		String sql = "select " + q.groupBy().select() + " as g" + sums
				+ sum("decided", decided, "1") + sum("accepted", decided + " and decision = 'ACCEPTED'", "1")
				+ sum("csat_n", "kind = 'CSAT' and at <= :asOf", "1") + sum("csat_good", "kind = 'CSAT' and at <= :asOf and amount >= 4", "1")
				+ sum("minutes", "kind = 'TIME' and at <= :asOf", "amount")
				+ "\nfrom kpi_items where client_id in (:clients) and kind in ('ESCALATION', 'CSAT', 'TIME')"
				+ " and first_solved_at >= :from and first_solved_at < :to and first_solved_at <= :asOf" + q.queueFilter()
				+ q.groupBy().groupBy();
		List<KpiValue> values = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		jdbc.sql(sql).param("clients", q.clients()).param("queue", q.queue()).param("from", q.from()).param("to", q.to()).param("asOf", q.asOf())
			.query(rs -> {
				String g = rs.getString("g");
				seen.add(g);
				values.addAll(values(g, cohortSizes.getOrDefault(g, 0L), column -> {
					try {
						return rs.getLong(column);
					}
					catch (SQLException e) {
						throw new IllegalStateException(e);
					}
				}));
			});
		// a cohort group without escalations, answers or logged time still has its AHT (zero)
		cohortSizes.forEach((g, tickets) -> {
			if (!seen.contains(g)) {
				values.addAll(values(g, tickets, column -> 0));
			}
		});
		return values;
	}

	private static List<KpiValue> values(String g, long tickets, ToLongFunction<String> sums) {
		List<KpiValue> values = new ArrayList<>();
		values.add(KpiValue.of("escalation_accuracy", g, sums.applyAsLong("accepted"), sums.applyAsLong("decided")));
		for (String t : TIERS) {
			values.add(KpiValue.of("mean_time_to_escalate_" + t + "_minutes", g, sums.applyAsLong("esc_s_" + t) / 60.0,
					sums.applyAsLong("esc_n_" + t)));
		}
		values.add(KpiValue.of("csat", g, sums.applyAsLong("csat_good"), sums.applyAsLong("csat_n")));
		for (String t : TIERS) {
			values.add(KpiValue.of("csat_resolved_at_" + t, g, sums.applyAsLong("csat_good_" + t), sums.applyAsLong("csat_n_" + t)));
		}
		values.add(KpiValue.of("aht_minutes", g, sums.applyAsLong("minutes"), tickets));
		for (String t : TIERS) {
			values.add(KpiValue.of("aht_" + t + "_minutes", g, sums.applyAsLong("min_" + t), tickets));
		}
		return values;
	}

	private static String sum(String name, String condition, String what) {
		return ",\n  sum(case when " + condition + " then " + what + " else 0 end) as " + name;
	}
}
