package io.tierline.selfservice.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code selfservice_sessions} table. */
@Repository
class SelfServiceSessions {

	record Row(long id, long clientId, long requesterId, String question, String transcript, String articlesShown, String outcome,
			Instant startedAt, Instant endedAt, Long ticketId, Instant recontactAt) {
	}

	/** A deflection that a later contact may turn out to repeat. */
	record Deflection(long id, String question) {
	}

	private final JdbcClient jdbc;

	SelfServiceSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long clientId, long requesterId, String question, String transcript, String articlesShown, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into selfservice_sessions (client_id, requester_id, question, transcript, articles_shown, outcome, started_at)
				values (?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(clientId, requesterId, question, transcript, articlesShown, Rows.timestamp(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select * from selfservice_sessions where id = ?").param(id).query(SelfServiceSessions::row).optional();
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("requester_id"), rs.getString("question"),
				rs.getString("transcript"), rs.getString("articles_shown"), rs.getString("outcome"), Rows.instant(rs, "started_at"),
				Rows.instant(rs, "ended_at"), (Long) rs.getObject("ticket_id", Long.class), Rows.instant(rs, "recontact_at"));
	}

	void conversation(long id, String transcript, String articlesShown) {
		jdbc.sql("update selfservice_sessions set transcript = ?, articles_shown = ? where id = ?")
			.params(transcript, articlesShown, id).update();
	}

	/** @return whether the session was still open (a second click does nothing) */
	boolean end(long id, String outcome, Long ticketId, Instant at) {
		return jdbc.sql("update selfservice_sessions set outcome = ?, ticket_id = ?, ended_at = ? where id = ? and outcome = 'OPEN'")
			.params(outcome, ticketId, Rows.timestamp(at), id).update() == 1;
	}

	/** The requester's deflections that ended in [since, until) and are not yet known to have been repeated. */
	List<Deflection> deflectionsOf(long requesterId, long clientId, Instant since, Instant until) {
		return jdbc.sql("""
				select id, question from selfservice_sessions where requester_id = ? and outcome = 'DEFLECTED'
				  and ended_at >= ? and ended_at < ? and client_id = ? and recontact_at is null order by ended_at desc""")
			.params(requesterId, Rows.timestamp(since), Rows.timestamp(until), clientId)
			.query((rs, n) -> new Deflection(rs.getLong("id"), rs.getString("question"))).list();
	}

	void recontacted(long id, Instant at, String by) {
		jdbc.sql("update selfservice_sessions set recontact_at = ?, recontact_by = ? where id = ? and recontact_at is null")
			.params(Rows.timestamp(at), by, id).update();
	}

	List<Row> recent(long requesterId, int limit) {
		return jdbc.sql("select * from selfservice_sessions where requester_id = ? order by id desc fetch first ? rows only")
			.params(requesterId, limit).query(SelfServiceSessions::row).list();
	}
}
