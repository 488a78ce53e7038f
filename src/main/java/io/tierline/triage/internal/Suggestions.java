package io.tierline.triage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.common.Rows;
import io.tierline.triage.TicketSuggestion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One suggestion per ticket, and its outcome once the ticket is first solved. */
@Repository
public class Suggestions {

	/** What is stored for a new suggestion. */
	record NewSuggestion(long ticketId, long clientId, String source, Long modelId, Long ruleId, String category,
			Double categoryConfidence, String queue, Double queueConfidence, String severity, String severityReason,
			double threshold, boolean applied, Instant at) {
	}

	/** Online accuracy: decided suggestions and how many were kept, overall and split by source and by applied. */
	public record Accuracy(long suggested, long decided, long kept, Double rate, long appliedDecided, long appliedKept,
			long offeredDecided, long offeredKept, List<BySource> bySource) {
	}

	/** {@code modelVersion} is null for the rules. */
	public record BySource(String source, Integer modelVersion, long decided, long kept, Double rate) {
	}

	/** kept / decided, or null when nothing was decided yet. */
	static Double rate(long kept, long decided) {
		return decided == 0 ? null : (double) kept / decided;
	}

	private final JdbcClient jdbc;

	Suggestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(NewSuggestion s) {
		jdbc.sql("""
				insert into triage_suggestions (ticket_id, client_id, source, model_id, rule_id, category, category_confidence,
				    queue, queue_confidence, severity, severity_reason, threshold, applied, outcome, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
			.params(s.ticketId(), s.clientId(), s.source(), s.modelId(), s.ruleId(), s.category(), s.categoryConfidence(),
					s.queue(), s.queueConfidence(), s.severity(), s.severityReason(), s.threshold(), s.applied(),
					Rows.timestamp(s.at()))
			.update();
	}

	public Optional<TicketSuggestion> find(long ticketId) {
		return jdbc.sql("""
				select s.*, m.version from triage_suggestions s left join triage_models m on m.id = s.model_id
				where s.ticket_id = ?""").param(ticketId).query(Suggestions::suggestion).optional();
	}

	void accepted(long ticketId, long userId) {
		jdbc.sql("update triage_suggestions set applied = true, accepted_by = ? where ticket_id = ?").params(userId, ticketId).update();
	}

	/** Records the outcome of a still PENDING suggestion; false if it was decided already. */
	boolean decide(long ticketId, boolean kept, String finalCategory, String finalQueue, Instant at) {
		return jdbc.sql("update triage_suggestions set outcome = ?, final_category = ?, final_queue = ?, decided_at = ? "
				+ "where ticket_id = ? and outcome = 'PENDING'")
			.params(kept ? "KEPT" : "CHANGED", finalCategory, finalQueue, Rows.timestamp(at), ticketId).update() == 1;
	}

	/** Set-based counts over the client's suggestions created in [from, to). */
	public Accuracy accuracy(long clientId, Instant from, Instant to) {
		var totals = jdbc.sql("""
				select count(*),
				       sum(case when outcome <> 'PENDING' then 1 else 0 end),
				       sum(case when outcome = 'KEPT' then 1 else 0 end),
				       sum(case when outcome <> 'PENDING' and applied then 1 else 0 end),
				       sum(case when outcome = 'KEPT' and applied then 1 else 0 end),
				       sum(case when outcome <> 'PENDING' and not applied then 1 else 0 end),
				       sum(case when outcome = 'KEPT' and not applied then 1 else 0 end)
				from triage_suggestions where client_id = ? and source <> 'NONE' and created_at >= ? and created_at < ?""")
			.params(clientId, Rows.timestamp(from), Rows.timestamp(to))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7) })
			.single();
		List<BySource> bySource = jdbc.sql("""
				select s.source, m.version, sum(case when s.outcome <> 'PENDING' then 1 else 0 end),
				       sum(case when s.outcome = 'KEPT' then 1 else 0 end)
				from triage_suggestions s left join triage_models m on m.id = s.model_id
				where s.client_id = ? and s.source <> 'NONE' and s.created_at >= ? and s.created_at < ?
				group by s.source, m.version order by s.source, m.version""")
			.params(clientId, Rows.timestamp(from), Rows.timestamp(to))
			.query((rs, n) -> new BySource(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getLong(3), rs.getLong(4),
					rate(rs.getLong(4), rs.getLong(3))))
			.list();
		return new Accuracy(totals[0], totals[1], totals[2], rate(totals[2], totals[1]), totals[3], totals[4], totals[5], totals[6],
				bySource);
	}

	private static TicketSuggestion suggestion(ResultSet rs, int n) throws SQLException {
		return new TicketSuggestion(rs.getLong("ticket_id"), rs.getString("source"), (Integer) rs.getObject("version", Integer.class),
				rs.getString("category"), (Double) rs.getObject("category_confidence", Double.class), rs.getString("queue"),
				(Double) rs.getObject("queue_confidence", Double.class), rs.getString("severity"), rs.getString("severity_reason"),
				rs.getDouble("threshold"), rs.getBoolean("applied"), rs.getString("outcome"), rs.getString("final_category"),
				rs.getString("final_queue"), Rows.instant(rs, "created_at"));
	}
}
