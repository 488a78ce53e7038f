package io.tierline.triage.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The client admin's keyword rules: the first rule (by position) whose keyword occurs in the
 * ticket's text, case-insensitively, gives its category, queue and/or severity.
 */
@Repository
public class TriageRules {

	public record Rule(long id, long clientId, String keyword, String category, String queue, String severity, int position) {

		boolean matches(String lowerText) {
			return lowerText.contains(keyword.toLowerCase(Locale.ROOT));
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	TriageRules(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** All of a client's rules in order (an admin writes a handful; capped at 500). */
	public List<Rule> of(long clientId) {
		return jdbc.sql("select id, client_id, keyword, category, queue, severity, position from triage_rules "
				+ "where client_id = ? order by position, id fetch first 500 rows only")
			.param(clientId)
			.query((rs, n) -> new Rule(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getInt(7)))
			.list();
	}

	Optional<Rule> find(long clientId, long id) {
		return of(clientId).stream().filter(r -> r.id() == id).findFirst();
	}

	Optional<Rule> firstMatch(long clientId, String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return of(clientId).stream().filter(r -> r.matches(lower)).findFirst();
	}

	long insert(Rule r) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into triage_rules (client_id, keyword, category, queue, severity, position, created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(r.clientId(), r.keyword(), r.category(), r.queue(), r.severity(), r.position(), Rows.timestamp(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(Rule r) {
		jdbc.sql("update triage_rules set keyword = ?, category = ?, queue = ?, severity = ?, position = ? where id = ? and client_id = ?")
			.params(r.keyword(), r.category(), r.queue(), r.severity(), r.position(), r.id(), r.clientId()).update();
	}

	void delete(long clientId, long id) {
		jdbc.sql("delete from triage_rules where id = ? and client_id = ?").params(id, clientId).update();
	}

	int nextPosition(long clientId) {
		return jdbc.sql("select coalesce(max(position), 0) + 10 from triage_rules where client_id = ?").param(clientId)
			.query(Integer.class).single();
	}
}
