package io.tierline.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.common.Rows;
import io.tierline.common.Tier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The csat_surveys table. */
@Repository
public class Surveys {

	private final JdbcClient jdbc;
	private final Clock clock;

	Surveys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @return false when this solve has its survey already (a retry) */
	boolean insert(long ticketId, long clientId, int solve, long requesterId, Tier tier, String language, Instant sentAt, Instant expiresAt) {
		if (find(ticketId, solve).isPresent()) {
			return false;
		}
		jdbc.sql("""
				insert into csat_surveys (ticket_id, client_id, solve_number, requester_id, tier, language, sent_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticketId, clientId, solve, requesterId, tier.name(), language, sentAt, expiresAt).update();
		return true;
	}

	Optional<Survey> find(long ticketId, int solve) {
		return jdbc.sql("select * from csat_surveys where ticket_id = ? and solve_number = ?").params(ticketId, solve)
			.query(Surveys::survey).optional();
	}

	/** The survey of the ticket's latest solve while it may be answered. */
	public Optional<Survey> latestOpen(long ticketId) {
		return jdbc.sql("select * from csat_surveys where ticket_id = ? order by solve_number desc limit 1").param(ticketId)
			.query(Surveys::survey).optional().filter(s -> !s.expiredAt(clock.instant()));
	}

	void answered(long ticketId, int solve, int score, String comment, Instant at) {
		jdbc.sql("""
				update csat_surveys set score = ?, comment = ?, answered_at = ?, answers = answers + 1
				where ticket_id = ? and solve_number = ?""")
			.params(score, comment, at, ticketId, solve).update();
	}

	/** A client's surveys, newest first, keyset-paginated on (sent_at, id). */
	List<Survey> ofClient(long clientId, Instant beforeSent, long beforeId, int limit) {
		return jdbc.sql("""
				select * from csat_surveys where client_id = ? and (sent_at < ? or (sent_at = ? and id < ?))
				order by sent_at desc, id desc limit ?""")
			.params(clientId, beforeSent, beforeSent, beforeId, limit).query(Surveys::survey).list();
	}

	private static Survey survey(ResultSet rs, int n) throws SQLException {
		return new Survey(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("client_id"), rs.getInt("solve_number"),
				rs.getLong("requester_id"), Tier.valueOf(rs.getString("tier")), rs.getString("language"), Rows.instant(rs, "sent_at"),
				Rows.instant(rs, "expires_at"), rs.getObject("score", Integer.class), rs.getString("comment"), Rows.instant(rs, "answered_at"),
				rs.getInt("answers"));
	}
}
