package io.tierline.channel.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Replies and acknowledgements to send by SMTP, stored in the transaction of the message they carry. */
@Repository
class OutboundMail {

	record Mail(long id, long mailboxId, long ticketId, Long ticketMessageId, String recipient, String subject, String body,
			String messageId, String inReplyTo, String references, boolean autoSubmitted, String status, int attempts,
			String lastError, Instant createdAt, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	OutboundMail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long mailboxId, long ticketId, long ticketMessageId, String recipient, String subject, String body, String messageId,
			String inReplyTo, String references, boolean autoSubmitted, Instant at) {
		jdbc.sql("""
				insert into email_outbound (mailbox_id, ticket_id, ticket_message_id, recipient, subject, body, message_id, in_reply_to,
				  refs, auto_submitted, status, attempts, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(mailboxId, ticketId, ticketMessageId, recipient, subject, body, messageId, inReplyTo, references, autoSubmitted,
					Rows.timestamp(at), Rows.timestamp(at))
			.update();
	}

	/** Claims due mail for a lease: rows another node holds are skipped, not waited for. */
	@Transactional
	public List<Mail> claim(Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = jdbc.sql("""
				select id from email_outbound where status = 'PENDING' and next_attempt_at <= ?
				  and (locked_until is null or locked_until < ?)
				order by next_attempt_at, id limit ? for update skip locked""")
			.params(Rows.timestamp(now), Rows.timestamp(now), limit).query(Long.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("update email_outbound set locked_until = :until where id in (:ids)").param("until", Rows.timestamp(leaseUntil))
			.param("ids", ids).update();
		return jdbc.sql("select * from email_outbound where id in (:ids) order by mailbox_id, id").param("ids", ids)
			.query(OutboundMail::mail).list();
	}

	void sent(long id, Instant at) {
		jdbc.sql("update email_outbound set status = 'SENT', attempts = attempts + 1, sent_at = ?, locked_until = null, last_error = null where id = ?")
			.params(Rows.timestamp(at), id).update();
	}

	void failed(long id, String error, Instant retryAt, boolean giveUp) {
		jdbc.sql("""
				update email_outbound set status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, locked_until = null
				where id = ?""")
			.params(giveUp ? "FAILED" : "PENDING", error.length() > 1000 ? error.substring(0, 1000) : error, Rows.timestamp(retryAt), id)
			.update();
	}

	List<Mail> ofTicket(long ticketId) {
		return jdbc.sql("select * from email_outbound where ticket_id = ? order by id").param(ticketId).query(OutboundMail::mail).list();
	}

	/** Newest first, a page of a mailbox's outgoing mail. */
	List<Mail> ofMailbox(long mailboxId, Long beforeId, int limit) {
		return jdbc.sql("select * from email_outbound where mailbox_id = ? and id < ? order by id desc limit ?")
			.params(mailboxId, beforeId == null ? Long.MAX_VALUE : beforeId, limit).query(OutboundMail::mail).list();
	}

	private static Mail mail(ResultSet rs, int n) throws SQLException {
		return new Mail(rs.getLong("id"), rs.getLong("mailbox_id"), rs.getLong("ticket_id"), rs.getObject("ticket_message_id", Long.class),
				rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getString("message_id"),
				rs.getString("in_reply_to"), rs.getString("refs"), rs.getBoolean("auto_submitted"), rs.getString("status"),
				rs.getInt("attempts"), rs.getString("last_error"), Rows.instant(rs, "created_at"), Rows.instant(rs, "sent_at"));
	}
}
