package io.tierline.channel.phone;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every call and SMS that reached a ticket: idempotency of deliveries, and the call log a ticket shows. */
@Repository
class PhoneInteractions {

	/** A row as written; {@code ticketId} is null only while the delivery that claimed it is being stored. */
	record Interaction(long id, long clientId, Medium kind, String source, String externalId, Long ticketId, Long messageId,
			String direction, String remoteNumber, String fromNumber, String toNumber, Instant startedAt,
			Integer durationSeconds, String recordingUrl, String agentEmail, Instant createdAt) {
	}

	/** What to write; {@code externalId}, {@code toNumber}, {@code durationSeconds}, {@code recordingUrl} and the agent may be null. */
	record Facts(Medium kind, String source, String externalId, String direction, String remoteNumber, String fromNumber,
			String toNumber, Instant startedAt, Integer durationSeconds, String recordingUrl, Long agentId, String agentEmail) {
	}

	private static final String COLUMNS = """
			id, client_id, kind, source, external_id, ticket_id, message_id, direction, remote_number, from_number,
			to_number, started_at, duration_seconds, recording_url, agent_email, created_at""";

	private final JdbcClient jdbc;

	PhoneInteractions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Interaction> byExternalId(long clientId, Medium kind, String externalId) {
		return jdbc.sql("select " + COLUMNS + " from phone_interactions where client_id = ? and kind = ? and external_id = ?")
			.params(clientId, kind.name(), externalId).query(Interaction.class).optional();
	}

	/**
	 * Writes the row before anything else of the delivery: a concurrent retry of the same delivery
	 * waits on the unique key and then fails, instead of storing the call twice.
	 */
	long claim(long clientId, Facts f, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into phone_interactions (client_id, kind, source, external_id, direction, remote_number, from_number,
				  to_number, started_at, duration_seconds, recording_url, agent_id, agent_email, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(clientId, f.kind().name(), f.source(), f.externalId(), f.direction(), f.remoteNumber(), f.fromNumber(),
					f.toNumber(), f.startedAt(), f.durationSeconds(), f.recordingUrl(), f.agentId(), f.agentEmail(), now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void landed(long id, long ticketId, Long messageId) {
		jdbc.sql("update phone_interactions set ticket_id = ?, message_id = ? where id = ?").params(ticketId, messageId, id).update();
	}

	/** The tickets this number reached most recently, newest first. */
	List<Long> recentTickets(long clientId, String remoteNumber, int limit) {
		return jdbc.sql("""
				select ticket_id from phone_interactions
				where client_id = ? and remote_number = ? and ticket_id is not null order by id desc limit ?""")
			.params(clientId, remoteNumber, limit).query(Long.class).list();
	}

	/** The ticket's calls, newest first. */
	List<Interaction> callsOf(long ticketId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from phone_interactions where ticket_id = ? and kind = 'CALL' order by id desc limit ?")
			.params(ticketId, limit).query(Interaction.class).list();
	}
}
