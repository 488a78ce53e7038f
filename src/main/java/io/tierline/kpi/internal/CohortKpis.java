package io.tierline.kpi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.tierline.kpi.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The KPIs that count cohort tickets (SPEC §7): FCR, reopen rate, escalation rate per tier and
 * knowledge contribution. One grouped scan of kpi_tickets over the cohort index, or of the daily sums
 * (KpiRollup) for the days they answer and of the facts for the rest.
 */
@Repository
class CohortKpis {

	static final List<String> TIERS = List.of("t1", "t2", "t3");

	private final JdbcClient jdbc;

	CohortKpis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Per group: the cohort size and its counts. */
	record Cohort(String group, long tickets, long fcr, long fcrElapsed, long reopened, long knowledge, long[] atTier, long[] outOfTier) {

		List<KpiValue> values() {
			List<KpiValue> values = new ArrayList<>();
			values.add(KpiValue.of("fcr", group, fcr, fcrElapsed));
			values.add(KpiValue.of("reopen_rate", group, reopened, tickets));
			for (int i = 0; i < TIERS.size(); i++) {
				values.add(KpiValue.of("escalation_rate_T" + (i + 1), group, outOfTier[i], atTier[i]));
			}
			values.add(KpiValue.of("knowledge_contribution_rate", group, knowledge, tickets));
			return values;
		}
	}

	List<Cohort> cohorts(KpiQuery q) {
		String sql = q.summed() == null ? fromFacts(q, q.groupBy().select(), q.groupBy().groupBy())
				: "select g, sum(tickets) as tickets, sum(fcr_elapsed) as fcr_elapsed, sum(fcr) as fcr, sum(reopened) as reopened,"
						+ " sum(knowledge) as knowledge" + tierColumns("sum(", ")")
						+ "\nfrom (" + fromFacts(q, q.groupBy().selectText(), q.groupBy().groupBy()) + "\nunion all\n" + fromSums(q) + ") u group by g";
		return q.bind(jdbc.sql(sql)).query((rs, n) -> cohort(rs)).list().stream().filter(c -> c.tickets() > 0).toList();
	}

	private static String fromFacts(KpiQuery q, String group, String groupBy) {
		String within = " < first_solved_at + " + q.windowSeconds() + " * interval '1' second";
		StringBuilder tiers = new StringBuilder();
		for (String t : TIERS) {
			tiers.append(",\n  sum(case when ").append(t).append("_arrived_at <= :asOf then 1 else 0 end) as at_").append(t)
				.append(",\n  sum(case when ").append(t).append("_escalated_at <= :asOf then 1 else 0 end) as out_").append(t);
		}
		// SPEC §7 FCR: no escalation, no reopen and no follow-up within the window, over tickets whose window has elapsed
		return "select " + group + " as g, count(*) as tickets,"
				+ "\n  sum(case when first_solved_at <= :elapsed then 1 else 0 end) as fcr_elapsed,"
				+ "\n  sum(case when first_solved_at <= :elapsed and (first_escalated_at is null or first_escalated_at > :asOf)"
				+ " and not coalesce(reopened_at" + within + ", false) and not coalesce(follow_up_at" + within + ", false)"
				+ " then 1 else 0 end) as fcr,"
				+ "\n  sum(case when reopened_at <= :asOf and reopened_at" + within + " then 1 else 0 end) as reopened,"
				+ "\n  sum(case when knowledge_at <= :asOf then 1 else 0 end) as knowledge" + tiers
				+ "\nfrom kpi_tickets where client_id in (:clients)" + q.factsPeriod() + " and first_solved_at <= :asOf" + q.queueFilter() + groupBy;
	}

	/**
	 * The same counts from the daily sums: every fact of a summed day happened by asOf and its window has
	 * elapsed, so FCR needs only no escalation and no reopen or follow-up within the window (whole days).
	 */
	private static String fromSums(KpiQuery q) {
		return "select " + q.groupBy().summedSelect() + " as g, sum(tickets) as tickets, sum(tickets) as fcr_elapsed,"
				+ "\n  sum(case when break_days is null or break_days >= :windowDays then unescalated else 0 end) as fcr,"
				+ "\n  sum(case when reopen_days < :windowDays then tickets else 0 end) as reopened,"
				+ "\n  sum(knowledge) as knowledge" + tierColumns("sum(", ")")
				+ "\nfrom kpi_daily_tickets" + q.summedDays() + q.groupBy().summedGroupBy();
	}

	private static String tierColumns(String before, String after) {
		StringBuilder columns = new StringBuilder();
		for (String t : TIERS) {
			columns.append(", ").append(before).append("at_").append(t).append(after).append(" as at_").append(t)
				.append(", ").append(before).append("out_").append(t).append(after).append(" as out_").append(t);
		}
		return columns.toString();
	}

	private static Cohort cohort(ResultSet rs) throws SQLException {
		long[] at = new long[TIERS.size()];
		long[] out = new long[TIERS.size()];
		for (int i = 0; i < TIERS.size(); i++) {
			at[i] = rs.getLong("at_" + TIERS.get(i));
			out[i] = rs.getLong("out_" + TIERS.get(i));
		}
		return new Cohort(rs.getString("g"), rs.getLong("tickets"), rs.getLong("fcr"), rs.getLong("fcr_elapsed"),
				rs.getLong("reopened"), rs.getLong("knowledge"), at, out);
	}
}
