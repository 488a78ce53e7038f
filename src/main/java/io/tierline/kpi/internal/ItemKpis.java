package io.tierline.kpi.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/** The kinds summed, one query each so that they can run side by side. */
	static final List<String> KINDS = List.of("ESCALATION", "CSAT", "TIME");

	/** Per group, the named sums over the items of one kind (the columns of the other kinds are absent: 0). */
	Map<String, Map<String, Long>> sums(KpiQuery q, String kind) {
		StringBuilder sums = new StringBuilder();
		switch (kind) {
			case "ESCALATION" -> {
				for (String t : TIERS) {
					String out = "at <= :asOf and tier = '" + t + "'";
					sums.append(sum("esc_s_" + t, out, "amount")).append(sum("esc_n_" + t, out, "1"));
				}
				String decided = "to_tier = 'T3' and decided_at <= :asOf";
				sums.append(sum("decided", decided, "1")).append(sum("accepted", decided + " and decision = 'ACCEPTED'", "1"));
			}
			case "CSAT" -> {
				for (String t : TIERS) {
					sums.append(sum("csat_n_" + t, "at <= :asOf and resolution_tier = '" + t + "'", "1"))
						.append(sum("csat_good_" + t, "at <= :asOf and amount >= 4 and resolution_tier = '" + t + "'", "1"));
				}
				sums.append(sum("csat_n", "at <= :asOf", "1")).append(sum("csat_good", "at <= :asOf and amount >= 4", "1"));
			}
			case "TIME" -> {
				for (String t : TIERS) {
					sums.append(sum("min_" + t, "at <= :asOf and tier = '" + t + "'", "amount"));
				}
				sums.append(sum("minutes", "at <= :asOf", "amount"));
			}
			default -> throw new IllegalArgumentException(kind);
		}
		String sql = "select " + q.groupBy().select() + " as g" + sums
				+ "\nfrom kpi_items where client_id in (:clients) and kind = :kind"
				+ " and first_solved_at >= :from and first_solved_at < :to and first_solved_at <= :asOf" + q.queueFilter()
				+ q.groupBy().groupBy();
		Map<String, Map<String, Long>> groups = new HashMap<>();
		jdbc.sql(sql).param("clients", q.clients()).param("kind", kind).param("queue", q.queue()).param("from", q.from())
			.param("to", q.to()).param("asOf", q.asOf())
			.query(rs -> {
				Map<String, Long> columns = new HashMap<>();
				var meta = rs.getMetaData();
				for (int i = 2; i <= meta.getColumnCount(); i++) {
					columns.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getLong(i));
				}
				groups.put(rs.getString("g"), columns);
			});
		return groups;
	}

	/**
	 * The KPIs from the sums of every kind.
	 *
	 * @param cohortSizes tickets per group, the AHT denominator
	 */
	List<KpiValue> values(List<Map<String, Map<String, Long>>> perKind, Map<String, Long> cohortSizes) {
		Map<String, Map<String, Long>> total = new HashMap<>();
		perKind.forEach(kind -> kind.forEach((g, columns) -> columns.forEach((column, value) ->
				total.computeIfAbsent(g, k -> new HashMap<>()).merge(column, value, Long::sum))));
		List<KpiValue> values = new ArrayList<>();
		total.forEach((g, columns) -> values.addAll(values(g, cohortSizes.getOrDefault(g, 0L),
				column -> columns.getOrDefault(column.toLowerCase(java.util.Locale.ROOT), 0L))));
		// a cohort group without escalations, answers or logged time still has its AHT (zero)
		cohortSizes.forEach((g, tickets) -> {
			if (!total.containsKey(g)) {
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
