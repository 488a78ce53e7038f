package io.tierline.escalation.internal;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each client's escalation rules that are not per category; a client without a row has the defaults. */
@Repository
public class EscalationSettings {

	public static final int DEFAULT_KNOWN_ISSUE_THRESHOLD = 5;

	/**
	 * @param p1DirectToT3 a P1 may skip T2 and go straight to T3
	 * @param knownIssueThreshold linked tickets of an open known issue at which engineering is notified
	 * @param engineeringContact e-mail address of the client's engineering contact; may be null
	 */
	public record Settings(long clientId, boolean p1DirectToT3, int knownIssueThreshold, String engineeringContact) {
	}

	private final JdbcClient jdbc;

	EscalationSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Settings of(long clientId) {
		return jdbc.sql("select * from escalation_settings where client_id = ?").param(clientId)
			.query((rs, n) -> new Settings(clientId, rs.getBoolean("p1_direct_to_t3"), rs.getInt("known_issue_threshold"),
					rs.getString("engineering_contact")))
			.optional()
			.orElse(new Settings(clientId, false, DEFAULT_KNOWN_ISSUE_THRESHOLD, null));
	}

	public void save(Settings s, Instant at) {
		if (update(s, at) == 0) {
			try {
				jdbc.sql("""
						insert into escalation_settings (client_id, p1_direct_to_t3, known_issue_threshold, engineering_contact, updated_at)
						values (?, ?, ?, ?, ?)""")
					.params(s.clientId(), s.p1DirectToT3(), s.knownIssueThreshold(), s.engineeringContact(), at).update();
			}
			catch (DuplicateKeyException concurrentFirstSave) {
				update(s, at);
			}
		}
	}

	private int update(Settings s, Instant at) {
		return jdbc.sql("""
				update escalation_settings set p1_direct_to_t3 = ?, known_issue_threshold = ?, engineering_contact = ?, updated_at = ?
				where client_id = ?""")
			.params(s.p1DirectToT3(), s.knownIssueThreshold(), s.engineeringContact(), at, s.clientId()).update();
	}
}
