package io.tierline.ticket.internal;

import java.time.Instant;
import java.util.Optional;

import io.tierline.common.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code Idempotency-Key}: a retried creation returns the ticket of the first attempt. The key is
 * claimed (a row under a primary key) before the ticket is written, so a concurrent retry waits
 * on that row and then finds the committed ticket instead of writing a duplicate.
 */
@Repository
class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<io.tierline.ticket.OpenedTicket> earlier(long userId, String key, String requestHash) {
		return jdbc.sql("select request_hash, ticket_id from idempotency_keys where user_id = ? and idem_key = ?")
			.params(userId, key)
			.query((rs, n) -> {
				if (!rs.getString(1).equals(requestHash)) {
					throw InvalidInputException.of("Idempotency-Key", "was already used for a different request");
				}
				return new io.tierline.ticket.OpenedTicket(rs.getLong(2), true);
			})
			.optional();
	}

	void claim(long userId, String key, String requestHash, Instant at) {
		jdbc.sql("insert into idempotency_keys (user_id, idem_key, request_hash, created_at) values (?, ?, ?, ?)")
			.params(userId, key, requestHash, at).update();
	}

	void complete(long userId, String key, long ticketId) {
		jdbc.sql("update idempotency_keys set ticket_id = ? where user_id = ? and idem_key = ?").params(ticketId, userId, key).update();
	}
}
