package io.tierline.channel.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Mail that could not become a ticket, kept whole with the reason until an admin retries or discards it. */
@Repository
class MailQuarantine {

	enum State {
		HELD, RETRIED, DISCARDED
	}

	record Held(long id, long mailboxId, long clientId, Long uid, String messageId, String sender, String subject, String reason,
			State state, Instant receivedAt, Instant decidedAt, int sizeBytes) {
	}

	private final JdbcClient jdbc;

	MailQuarantine(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long hold(Mailbox mailbox, Long uid, String messageId, String sender, String subject, String reason, byte[] raw, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into email_quarantine (mailbox_id, client_id, uid, message_id, sender, subject, reason, raw, state, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'HELD', ?)""")
			.params(mailbox.id(), mailbox.clientId(), uid, cut(messageId), cut(sender), cut(subject), reason.length() > 1000
					? reason.substring(0, 1000) : reason, raw, at)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<Held> of(long mailboxId, State state, Long beforeId, int limit) {
		// conditions added only when given: PostgreSQL cannot type "? is null" for a null parameter
		var sql = new StringBuilder("""
				select id, mailbox_id, client_id, uid, message_id, sender, subject, reason, state, received_at, decided_at,
				  octet_length(raw) as size_bytes from email_quarantine where mailbox_id = :mailbox""");
		var params = new java.util.HashMap<String, Object>(java.util.Map.of("mailbox", mailboxId, "limit", limit));
		if (state != null) {
			sql.append(" and state = :state");
			params.put("state", state.name());
		}
		if (beforeId != null) {
			sql.append(" and id < :before");
			params.put("before", beforeId);
		}
		return jdbc.sql(sql.append(" order by id desc limit :limit").toString()).params(params).query(MailQuarantine::held).list();
	}

	Optional<Held> find(long id) {
		return jdbc.sql("""
				select id, mailbox_id, client_id, uid, message_id, sender, subject, reason, state, received_at, decided_at,
				  octet_length(raw) as size_bytes from email_quarantine where id = ?""").param(id).query(MailQuarantine::held).optional();
	}

	/** A re-read of a mail still held (a crash before its position was saved) is not held twice. */
	boolean holds(long mailboxId, String messageId) {
		return jdbc.sql("select count(*) from email_quarantine where mailbox_id = ? and message_id = ? and state = 'HELD'")
			.params(mailboxId, messageId).query(Long.class).single() > 0;
	}

	byte[] raw(long id) {
		return jdbc.sql("select raw from email_quarantine where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
	}

	/** true when this call moved it out of HELD (a second, concurrent decision finds it decided) */
	boolean decide(long id, State state, Instant at) {
		return jdbc.sql("update email_quarantine set state = ?, decided_at = ? where id = ? and state = 'HELD'")
			.params(state.name(), at, id).update() == 1;
	}

	private static String cut(String s) {
		return s == null ? null : s.length() > 998 ? s.substring(0, 998) : s;
	}

	private static Held held(ResultSet rs, int n) throws SQLException {
		return new Held(rs.getLong("id"), rs.getLong("mailbox_id"), rs.getLong("client_id"), rs.getObject("uid", Long.class),
				rs.getString("message_id"), rs.getString("sender"), rs.getString("subject"), rs.getString("reason"),
				State.valueOf(rs.getString("state")), Rows.instant(rs, "received_at"), Rows.instant(rs, "decided_at"),
				rs.getInt("size_bytes"));
	}
}
