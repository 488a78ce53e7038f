package io.tierline.channel.email;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages per sender and hour per mailbox: a mail loop shows as one sender writing without pause. */
@Repository
class SenderCounts {

	private final JdbcClient jdbc;

	SenderCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts this message and returns the sender's count in the current hour, this one included. */
	int count(long mailboxId, String sender, Instant at) {
		Instant hour = at.truncatedTo(ChronoUnit.HOURS);
		// never a duplicate-key error: on PostgreSQL it would abort the message's transaction
		jdbc.sql("insert into email_sender_counts (mailbox_id, sender, hour_start, messages) values (?, ?, ?, 0) on conflict do nothing")
			.params(mailboxId, sender, hour).update();
		jdbc.sql("update email_sender_counts set messages = messages + 1 where mailbox_id = ? and sender = ? and hour_start = ?")
			.params(mailboxId, sender, hour).update();
		return jdbc.sql("select messages from email_sender_counts where mailbox_id = ? and sender = ? and hour_start = ?")
			.params(mailboxId, sender, hour).query(Integer.class).single();
	}
}
