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
 * knowledge contribution. One grouped scan of kpi_tickets over the cohort index.
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
		String within = " < first_solved_at + " + q.windowSeconds() + " * interval '1' second";
		StringBuilder tiers = new StringBuilder();
		for (String t : TIERS) {
			tiers.append(",\n  sum(case when ").append(t).append("_arrived_at <= :asOf then 1 else 0 end) as at_").append(t)
				.append(",\n  sum(case when ").append(t).append("_escalated_at <= :asOf then 1 else 0 end) as out_").append(t);
		}
		// SPEC §7 FCR: no escalation, no reopen and no follow-up within the window, over tickets whose window has elapsed
		String sql = "select " + q.groupBy().select() + " as g, count(*) as tickets,"
				+ "\n  sum(case when first_solved_at <= :elapsed then 1 else 0 end) as fcr_elapsed,"
				+ "\n  sum(case when first_solved_at <= :elapsed and (first_escalated_at is null or first_escalated_at > :asOf)"
				+ " and not coalesce(reopened_at" + within + ", false) and not coalesce(follow_up_at" + within + ", false)"
				+ " then 1 else 0 end) as fcr,"
				+ "\n  sum(case when reopened_at <= :asOf and reopened_at" + within + " then 1 else 0 end) as reopened,"
				+ "\n  sum(case when knowledge_at <= :asOf then 1 else 0 end) as knowledge" + tiers
				+ "\nfrom kpi_tickets where client_id in (:clients) and first_solved_at >= :from and first_solved_at < :to"
				+ " and first_solved_at <= :asOf" + q.queueFilter() + q.groupBy().groupBy();
		return jdbc.sql(sql)
			.param("clients", q.clients()).param("queue", q.queue()).param("from", q.from()).param("to", q.to()).param("asOf", q.asOf())
			.param("elapsed", q.windowElapsedBy())
			.query((rs, n) -> cohort(rs))
			.list().stream().filter(c -> c.tickets() > 0).toList();
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
