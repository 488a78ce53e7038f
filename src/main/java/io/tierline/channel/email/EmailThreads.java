package io.tierline.channel.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.common.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every mail in or out of a ticket by Message-ID: how replies find their ticket and re-reads are recognised. */
@Repository
class EmailThreads {

	private final JdbcClient jdbc;

	EmailThreads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String key(String messageId) {
		return Sha256.hex(messageId.strip().toLowerCase());
	}

	boolean known(long clientId, String messageId) {
		return jdbc.sql("select count(*) from email_messages where client_id = ? and message_key = ?").params(clientId, key(messageId))
			.query(Long.class).single() > 0;
	}

	/** The ticket of the newest of these Message-IDs that Tierline has seen. */
	Optional<Long> ticketOf(long clientId, List<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select ticket_id from email_messages where client_id = :client and message_key in (:keys) order by id desc limit 1")
			.param("client", clientId).param("keys", messageIds.stream().map(EmailThreads::key).toList())
			.query(Long.class).optional();
	}

	void record(long mailboxId, long clientId, long ticketId, String messageId, String direction, Long ticketMessageId, Long uid,
			Instant at) {
		jdbc.sql("""
				insert into email_messages (mailbox_id, client_id, ticket_id, message_id, message_key, direction, ticket_message_id, uid, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(mailboxId, clientId, ticketId, messageId, key(messageId), direction, ticketMessageId, uid, at).update();
	}

	/** The thread so far, oldest first (at most the last 20): In-Reply-To and References of a reply. */
	List<String> thread(long ticketId) {
		List<String> thread = new java.util.ArrayList<>(jdbc.sql("select message_id from email_messages where ticket_id = ? order by id desc limit 20")
			.param(ticketId).query(String.class).list());
		java.util.Collections.reverse(thread);
		return thread;
	}

	/** The mailbox the requester last wrote to about this ticket. */
	Optional<Long> mailboxOf(long ticketId) {
		return jdbc.sql("select mailbox_id from email_messages where ticket_id = ? and direction = 'IN' order by id desc limit 1")
			.param(ticketId).query(Long.class).optional();
	}

	long countOfTicket(long ticketId, String direction) {
		return jdbc.sql("select count(*) from email_messages where ticket_id = ? and direction = ?").params(ticketId, direction)
			.query(Long.class).single();
	}
}
