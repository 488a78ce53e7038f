package io.tierline.notify.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** E-mails to send, stored with the fact they tell about; the sender works through them. */
@Repository
public class EmailOutbox {

	public record Email(long id, long orgId, String recipient, String subject, String body, String status, int attempts,
			String lastError, Instant createdAt, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	EmailOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long orgId, String recipient, String subject, String body, Instant at) {
		jdbc.sql("""
				insert into email_outbox (org_id, recipient, subject, body, status, next_attempt_at, created_at)
				values (?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(orgId, recipient, InAppNotifications.cut(subject, 300), body, at, at).update();
	}

	/** Claims due e-mails for {@code lease}: rows another node holds are skipped, not waited for. */
	@Transactional
	public List<Email> claim(Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = jdbc.sql("""
				select id from email_outbox where status = 'PENDING' and next_attempt_at <= ?
				  and (locked_until is null or locked_until < ?)
				order by next_attempt_at, id limit ? for update skip locked""")
			.params(now, now, limit).query(Long.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("update email_outbox set locked_until = :until where id in (:ids)").param("until", leaseUntil).param("ids", ids).update();
		return jdbc.sql("select * from email_outbox where id in (:ids) order by id").param("ids", ids).query(EmailOutbox::email).list();
	}

	void sent(long id, Instant at) {
		jdbc.sql("update email_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, locked_until = null, last_error = null where id = ?")
			.params(at, id).update();
	}

	void failed(long id, String error, Instant retryAt, boolean giveUp) {
		jdbc.sql("""
				update email_outbox set status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, locked_until = null
				where id = ?""")
			.params(giveUp ? "FAILED" : "PENDING", InAppNotifications.cut(error, 1000), retryAt, id).update();
	}

	/** Newest first, for the admins of these organizations. */
	public List<Email> recent(List<Long> orgIds, int limit) {
		if (orgIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from email_outbox where org_id in (:orgs) order by id desc limit :limit")
			.param("orgs", orgIds).param("limit", limit).query(EmailOutbox::email).list();
	}

	private static Email email(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Email(rs.getLong("id"), rs.getLong("org_id"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
				InAppNotifications.instant(rs, "created_at"), InAppNotifications.instant(rs, "sent_at"));
	}
}
