package io.tierline.kpi.internal;

import java.util.ArrayList;
import java.util.List;

import io.tierline.kpi.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SPEC §7 deflection, over self-service sessions started in the period (not the ticket cohort):
 * rate = sessions without a ticket by asOf ÷ sessions; accuracy = deflected sessions not followed by a
 * contact on the same topic within the window ÷ deflected sessions whose window has elapsed by asOf.
 * Sessions belong to a client only, so these are answered ungrouped or by client, and not per queue.
 */
@Repository
class DeflectionKpis {

	private final JdbcClient jdbc;

	DeflectionKpis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<KpiValue> values(KpiQuery q) {
		if (q.queue() != null || (q.groupBy() != GroupBy.NONE && q.groupBy() != GroupBy.CLIENT)) {
			return List.of();
		}
		String group = q.groupBy() == GroupBy.CLIENT ? "client_id" : "'all'";
		String window = " + " + q.windowSeconds() + " * interval '1' second";
		String deflected = "outcome = 'DEFLECTED' and ended_at <= :asOf";
		String sql = "select " + group + " as g, count(*) as sessions,"
				+ " sum(case when outcome <> 'ESCALATED' or ended_at > :asOf then 1 else 0 end) as without_ticket,"
				+ " sum(case when " + deflected + " and ended_at" + window + " <= :asOf then 1 else 0 end) as elapsed,"
				+ " sum(case when " + deflected + " and ended_at" + window + " <= :asOf"
				+ " and (recontact_at is null or recontact_at > ended_at" + window + " or recontact_at > :asOf) then 1 else 0 end) as held"
				+ " from selfservice_sessions where client_id in (:clients) and started_at >= :from and started_at < :to"
				+ " and started_at <= :asOf" + (q.groupBy() == GroupBy.CLIENT ? " group by client_id" : "");
		List<KpiValue> values = new ArrayList<>();
		jdbc.sql(sql).param("clients", q.clients()).param("from", q.from()).param("to", q.to()).param("asOf", q.asOf())
			.query(rs -> {
				if (rs.getLong("sessions") > 0) {
					values.add(KpiValue.of("deflection_rate", rs.getString("g"), rs.getLong("without_ticket"), rs.getLong("sessions")));
					values.add(KpiValue.of("deflection_accuracy", rs.getString("g"), rs.getLong("held"), rs.getLong("elapsed")));
				}
			});
		return values;
	}
}
