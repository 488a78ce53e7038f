package io.tierline.triage.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A client's solved tickets as training examples: subject and first public message as text, the
 * category and queue they were solved with as labels. Read-only SQL over the ticket module's
 * tables (as the KPI projection reads them), always narrowed to one client.
 */
@Repository
class TrainingData {

	/** Newest solved tickets first, at most this many. */
	static final int MAX_EXAMPLES = 50_000;

	record Example(long ticketId, String text, String category, String queue) {
	}

	private final JdbcClient jdbc;

	TrainingData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Example> solvedTickets(long clientId) {
		return jdbc.sql("""
				select t.id, t.subject,
				       (select m.body from messages m where m.ticket_id = t.id and m.visibility = 'PUBLIC'
				        order by m.id fetch first 1 rows only) as body,
				       c.slug as category, q.slug as queue
				from tickets t
				join categories c on c.id = t.category_id
				left join queues q on q.id = t.queue_id
				where t.client_id = ? and t.status in ('SOLVED', 'CLOSED')
				order by t.id desc fetch first %d rows only""".formatted(MAX_EXAMPLES))
			.param(clientId)
			.query((rs, n) -> new Example(rs.getLong(1), text(rs.getString(2), rs.getString(3)), rs.getString(4), rs.getString(5)))
			.list();
	}

	long countSolved(long clientId) {
		return jdbc.sql("select count(*) from tickets where client_id = ? and status in ('SOLVED', 'CLOSED') and category_id is not null")
			.param(clientId).query(Long.class).single();
	}

	/** The text triage reads for a ticket: its subject and first public message. */
	String ticketText(long ticketId) {
		return jdbc.sql("""
				select t.subject, (select m.body from messages m where m.ticket_id = t.id and m.visibility = 'PUBLIC'
				                   order by m.id fetch first 1 rows only)
				from tickets t where t.id = ?""")
			.param(ticketId).query((rs, n) -> text(rs.getString(1), rs.getString(2))).optional().orElse("");
	}

	static String text(String subject, String body) {
		return body == null ? subject : subject + "\n" + body;
	}
}
