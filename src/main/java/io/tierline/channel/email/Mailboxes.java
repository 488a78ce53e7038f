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

/** Stored mailboxes, their IMAP position (UIDVALIDITY, last UID) and the lease that lets one node poll each. */
@Repository
class Mailboxes {

	private final JdbcClient jdbc;

	Mailboxes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Mailbox> find(long id) {
		return jdbc.sql("select * from mailboxes where id = ?").param(id).query(Mailboxes::mailbox).optional();
	}

	List<Mailbox> ofClients(List<Long> clientIds) {
		if (clientIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from mailboxes where client_id in (:ids) order by client_id, id").param("ids", clientIds)
			.query(Mailboxes::mailbox).list();
	}

	/** The mailbox replies of this client go out from: its first active one. */
	Optional<Mailbox> outgoingOf(long clientId) {
		return jdbc.sql("select * from mailboxes where client_id = ? and active order by id limit 1").param(clientId)
			.query(Mailboxes::mailbox).optional();
	}

	List<Long> active() {
		return jdbc.sql("select id from mailboxes where active order by id").query(Long.class).list();
	}

	long insert(Mailbox m, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into mailboxes (client_id, address, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, username,
				  password, folder, auto_acknowledge, sender_hourly_limit, active, last_uid, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
			.params(m.clientId(), m.address(), m.imapHost(), m.imapPort(), m.imapTls(), m.smtpHost(), m.smtpPort(), m.smtpTls(),
					m.username(), m.password(), m.folder(), m.autoAcknowledge(), m.senderHourlyLimit(), m.active(), at)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(Mailbox m) {
		jdbc.sql("""
				update mailboxes set address = ?, imap_host = ?, imap_port = ?, imap_tls = ?, smtp_host = ?, smtp_port = ?, smtp_tls = ?,
				  username = ?, password = ?, folder = ?, auto_acknowledge = ?, sender_hourly_limit = ?, active = ? where id = ?""")
			.params(m.address(), m.imapHost(), m.imapPort(), m.imapTls(), m.smtpHost(), m.smtpPort(), m.smtpTls(), m.username(),
					m.password(), m.folder(), m.autoAcknowledge(), m.senderHourlyLimit(), m.active(), m.id())
			.update();
	}

	/** Takes the polling lease if it is free or expired; true when this node may poll now. */
	boolean lease(long id, String node, Instant now, Instant until) {
		return jdbc.sql("update mailboxes set leased_until = ?, leased_by = ? where id = ? and active and (leased_until is null or leased_until < ? or leased_by = ?)")
			.params(until, node, id, now, node).update() == 1;
	}

	void release(long id, String node) {
		jdbc.sql("update mailboxes set leased_until = null where id = ? and leased_by = ?").params(id, node).update();
	}

	/** A new UIDVALIDITY: the old UIDs mean nothing, so start from the beginning (Message-IDs de-duplicate). */
	void resetPosition(long id, long uidValidity) {
		jdbc.sql("update mailboxes set uid_validity = ?, last_uid = 0 where id = ?").params(uidValidity, id).update();
	}

	/** Written in the transaction that stored what the message became. */
	void advance(long id, long uid) {
		jdbc.sql("update mailboxes set last_uid = ? where id = ? and last_uid < ?").params(uid, id, uid).update();
	}

	void polled(long id, Instant at, String error) {
		jdbc.sql("update mailboxes set last_polled_at = ?, last_error = ? where id = ?")
			.params(at, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error, id).update();
	}

	private static Mailbox mailbox(ResultSet rs, int n) throws SQLException {
		return new Mailbox(rs.getLong("id"), rs.getLong("client_id"), rs.getString("address"), rs.getString("imap_host"),
				rs.getInt("imap_port"), rs.getBoolean("imap_tls"), rs.getString("smtp_host"), rs.getInt("smtp_port"),
				rs.getBoolean("smtp_tls"), rs.getString("username"), rs.getString("password"), rs.getString("folder"),
				rs.getBoolean("auto_acknowledge"), rs.getInt("sender_hourly_limit"), rs.getBoolean("active"),
				rs.getObject("uid_validity", Long.class), rs.getLong("last_uid"), Rows.instant(rs, "last_polled_at"),
				rs.getString("last_error"));
	}
}
