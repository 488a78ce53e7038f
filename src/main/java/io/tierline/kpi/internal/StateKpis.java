package io.tierline.kpi.internal;

import java.util.ArrayList;
import java.util.List;

import io.tierline.kpi.KpiValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The KPIs that are not over the cohort (SPEC §7): backlog size and age at asOf, SLA attainment
 * per clock over the outcomes decided in the period, and the T1 : T2 staffing ratio.
 */
@Repository
class StateKpis {

	private final JdbcClient jdbc;

	StateKpis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Tickets open at asOf (an OPEN interval that began by then and had not ended); age from creation, in hours. */
	List<KpiValue> backlog(KpiQuery q) {
		List<KpiValue> values = new ArrayList<>();
		long asOf = q.asOf().getEpochSecond();
		jdbc.sql("select " + q.groupBy().select() + " as g, count(*) as open, sum(amount) as created"
				+ " from kpi_items where client_id in (:clients) and kind = 'OPEN' and (at is null or at > :asOf) and started_at <= :asOf"
				+ q.queueFilter() + q.groupBy().groupBy())
			.param("clients", q.clients()).param("queue", q.queue()).param("asOf", q.asOf())
			.query(rs -> {
				long open = rs.getLong("open");
				if (open > 0) {
					values.add(KpiValue.count("backlog_size", rs.getString("g"), open));
					values.add(KpiValue.of("backlog_age_hours", rs.getString("g"), (asOf * open - rs.getLong("created")) / 3600.0, open));
				}
			});
		return values;
	}

	/** SPEC §7: per clock, met ÷ (met + breached) over outcomes from (inclusive) to (exclusive) that had happened by asOf. */
	List<KpiValue> slaAttainment(KpiQuery q) {
		String group = switch (q.groupBy()) {
			case CLIENT -> "client_id";
			case TIER -> "tier";
			case CHANNEL -> "channel";
			default -> null;
		};
		List<KpiValue> values = new ArrayList<>();
		jdbc.sql("select clock, " + (group == null ? "'all'" : group) + " as g,"
				+ " sum(case when type = 'MET' then 1 else 0 end) as met, count(*) as decided"
				+ " from sla_events where client_id in (:clients) and type in ('MET', 'BREACHED')"
				+ " and at >= :from and at < :to and at <= :asOf"
				+ (q.queue() == null ? "" : " and ticket_id in (select id from tickets where queue_id = :queue)")
				+ " group by clock" + (group == null ? "" : ", " + group))
			.param("clients", q.clients()).param("queue", q.queue()).param("from", q.from()).param("to", q.to()).param("asOf", q.asOf())
			.query(rs -> {
				values.add(KpiValue.of("sla_attainment_" + rs.getString("clock"), rs.getString("g"), rs.getLong("met"), rs.getLong("decided")));
			});
		return values;
	}

	/** Agents with a T1 grant on the client ÷ agents with a T2 grant (grants have no history: this is today's ratio). */
	List<KpiValue> staffing(KpiQuery q) {
		boolean byClient = q.groupBy() == GroupBy.CLIENT;
		List<KpiValue> values = new ArrayList<>();
		jdbc.sql("select " + (byClient ? "client_id" : "'all'") + " as g,"
				+ " count(distinct case when tier = 'T1' then user_id end) as t1, count(distinct case when tier = 'T2' then user_id end) as t2"
				+ " from grants where client_id in (:clients)" + (q.queue() == null ? "" : " and (queue_id is null or queue_id = :queue)")
				+ (byClient ? " group by client_id" : ""))
			.param("clients", q.clients()).param("queue", q.queue())
			.query(rs -> {
				values.add(KpiValue.of("staffing_ratio_T1_T2", rs.getString("g"), rs.getLong("t1"), rs.getLong("t2")));
			});
		return values;
	}
}
