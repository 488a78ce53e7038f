package io.tierline.kpi.internal;

import java.util.ArrayList;
import java.util.List;

import io.tierline.kpi.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SPEC §7 time to complete diagnostic documentation, median and p90 in minutes: for cohort tickets
 * escalated to T3, from their first arrival at T2 to the escalation into T3 whose template was
 * complete (an escalation T3 returned for missing information does not count: the clock goes on).
 * The percentiles are computed by the database ({@code percentile_cont}), one grouped scan.
 */
@Repository
class DocumentationKpis {

	private final JdbcClient jdbc;

	DocumentationKpis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<KpiValue> values(KpiQuery q) {
		String sql = "select " + q.groupBy().select() + " as g, count(*) as tickets,"
				+ " percentile_cont(0.5) within group (order by diagnostic_seconds) as median,"
				+ " percentile_cont(0.9) within group (order by diagnostic_seconds) as p90"
				+ " from kpi_tickets where client_id in (:clients) and first_solved_at >= :from and first_solved_at < :to"
				+ " and first_solved_at <= :asOf and diagnostic_seconds is not null"
				+ " and t2_arrived_at + diagnostic_seconds * interval '1' second <= :asOf" + q.queueFilter() + q.groupBy().groupBy();
		List<KpiValue> values = new ArrayList<>();
		jdbc.sql(sql).param("clients", q.clients()).param("from", q.from()).param("to", q.to()).param("asOf", q.asOf())
			.param("queue", q.queue())
			.query(rs -> {
				long tickets = rs.getLong("tickets");
				values.add(KpiValue.percentile("diagnostic_documentation_minutes_median", rs.getString("g"), rs.getDouble("median") / 60, tickets));
				values.add(KpiValue.percentile("diagnostic_documentation_minutes_p90", rs.getString("g"), rs.getDouble("p90") / 60, tickets));
			});
		return values;
	}
}
