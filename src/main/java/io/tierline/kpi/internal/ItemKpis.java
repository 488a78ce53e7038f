package io.tierline.kpi.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.tierline.kpi.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The KPIs over what cohort tickets have many of (SPEC §7): escalation accuracy, mean time to
 * escalate, CSAT and AHT. One grouped scan of kpi_items over the cohort index per kind, or of the daily
 * sums (KpiRollup) for the days they answer and of the items for the rest.
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

	/**
	 * One sum over the items of a kind: {@code what} over the items whose {@code moment} is by asOf and that
	 * meet {@code condition} (null: all).
	 */
	record Sum(String kind, String name, String moment, String condition, String what) {

		String asOfCondition() {
			return moment + " <= :asOf" + (condition == null ? "" : " and " + condition);
		}

		/** The same for the daily sums, where every item that happened at all happened by asOf. */
		String kindCondition() {
			return "kind = '" + kind + "' and " + moment + " is not null" + (condition == null ? "" : " and " + condition);
		}
	}

	static final List<Sum> SUMS = sums();

	private static List<Sum> sums() {
		List<Sum> sums = new ArrayList<>();
		for (String t : TIERS) {
			String tier = "tier = '" + t + "'";
			sums.add(new Sum("ESCALATION", "esc_s_" + t, "at", tier, "amount"));
			sums.add(new Sum("ESCALATION", "esc_n_" + t, "at", tier, "1"));
		}
		sums.add(new Sum("ESCALATION", "decided", "decided_at", "to_tier = 'T3'", "1"));
		sums.add(new Sum("ESCALATION", "accepted", "decided_at", "to_tier = 'T3' and decision = 'ACCEPTED'", "1"));
		for (String t : TIERS) {
			sums.add(new Sum("CSAT", "csat_n_" + t, "at", "resolution_tier = '" + t + "'", "1"));
			sums.add(new Sum("CSAT", "csat_good_" + t, "at", "amount >= 4 and resolution_tier = '" + t + "'", "1"));
		}
		sums.add(new Sum("CSAT", "csat_n", "at", null, "1"));
		sums.add(new Sum("CSAT", "csat_good", "at", "amount >= 4", "1"));
		for (String t : TIERS) {
			sums.add(new Sum("TIME", "min_" + t, "at", "tier = '" + t + "'", "amount"));
		}
		sums.add(new Sum("TIME", "minutes", "at", null, "amount"));
		return sums.stream().map(s -> new Sum(s.kind(), s.name().toLowerCase(Locale.ROOT), s.moment(), s.condition(), s.what())).toList();
	}

	/** Per group, the named sums over the items of one kind (the columns of the other kinds are absent: 0). */
	Map<String, Map<String, Long>> sums(KpiQuery q, String kind) {
		List<Sum> ofKind = SUMS.stream().filter(s -> s.kind().equals(kind)).toList();
		StringBuilder facts = new StringBuilder();
		StringBuilder summed = new StringBuilder();
		StringBuilder total = new StringBuilder();
		for (Sum s : ofKind) {
			facts.append(",\n  sum(case when ").append(s.asOfCondition()).append(" then ").append(s.what()).append(" else 0 end) as ").append(s.name());
			summed.append(", sum(").append(s.name()).append(") as ").append(s.name());
			total.append(", sum(").append(s.name()).append(") as ").append(s.name());
		}
		String group = q.summed() == null ? q.groupBy().select() : q.groupBy().selectText();
		String sql = "select " + group + " as g" + facts
				+ "\nfrom kpi_items where client_id in (:clients) and kind = :kind"
				+ q.factsPeriod() + " and first_solved_at <= :asOf" + q.queueFilter() + q.groupBy().groupBy();
		if (q.summed() != null) {
			sql = "select g" + total + " from (" + sql + "\nunion all\nselect " + q.groupBy().summedSelect() + " as g" + summed
					+ " from kpi_daily_items" + q.summedDays() + q.groupBy().summedGroupBy() + ") u group by g";
		}
		Map<String, Map<String, Long>> groups = new HashMap<>();
		q.bind(jdbc.sql(sql)).param("kind", kind)
			.query(rs -> {
				Map<String, Long> columns = new HashMap<>();
				var meta = rs.getMetaData();
				for (int i = 2; i <= meta.getColumnCount(); i++) {
					columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getLong(i));
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
				column -> columns.getOrDefault(column.toLowerCase(Locale.ROOT), 0L))));
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
