package io.tierline.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.tierline.access.ClientRef;
import io.tierline.ticket.internal.HistoryReader;
import io.tierline.ticket.internal.HistoryWriter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SPEC §14: whole ticket histories in and out, for the history exchange. The ticket module keeps
 * its tables: it numbers the tickets, derives their current status, tier, assignee and solve time
 * from the events, and writes rows in batches. No access checks here: the caller decided.
 */
@Service
public class TicketHistory {

	private final HistoryWriter writer;
	private final HistoryReader reader;

	TicketHistory(HistoryWriter writer, HistoryReader reader) {
		this.writer = writer;
		this.reader = reader;
	}

	/**
	 * A ticket with its history to store. {@code categoryId} and {@code followUpOf} (the external id
	 * of a ticket of the same client, stored before or earlier in the same call) may be null.
	 */
	public record ImportedTicket(long clientId, String externalId, long requesterId, String subject, Channel channel,
			Severity severity, Long categoryId, Instant createdAt, String followUpOf, List<ImportedEvent> events) {
	}

	/**
	 * One event in time order. {@code facts} are the event's own data keys (e.g. {@code score} of a
	 * CSAT); the derived ones ({@code from} of a STATUS, the tiers of a decision, {@code messageId})
	 * are added when stored. {@code actorId}, {@code assigneeId} (ASSIGNED only) and {@code body}
	 * (MESSAGE only) may be null.
	 */
	public record ImportedEvent(EventType type, Instant at, Long actorId, Long assigneeId, Map<String, Object> facts,
			String body) {
	}

	/**
	 * Stores the tickets and their events and messages in one transaction. On PostgreSQL its commit
	 * does not wait for the disk: call {@link #durable()} before telling anyone the tickets are stored.
	 */
	@Transactional
	public void store(List<ImportedTicket> tickets) {
		writer.store(tickets);
	}

	/**
	 * Returns once everything {@link #store} committed before is on disk: an import pays the wait
	 * for the disk once, not once a batch. A crash before it loses at most the last batches of a
	 * run whose answer was never given; importing the file again adds exactly those (idempotent).
	 */
	@Transactional
	public void durable() {
		writer.durable();
	}

	/**
	 * Which of these external ids the client already has, and the ticket ids they name. A
	 * ticket created in Tierline answers to its reference ({@code ACME-1042}) as its external id.
	 */
	/**
	 * Brings the planner's statistics of the tables an import fills up to date. A large import into a
	 * young database otherwise leaves them describing a far smaller table until autovacuum catches up
	 * (if it runs at all), and the duplicate check then scans instead of using its unique index.
	 */
	public void refreshStatistics() {
		writer.analyze();
	}

	/** As {@link #refreshStatistics()}, for the tickets alone: what the duplicate check of an import still running needs. */
	public void refreshTicketStatistics() {
		writer.analyzeTickets();
	}

	public Map<String, Long> known(ClientRef client, Collection<String> externalIds) {
		return reader.known(client, externalIds);
	}

	/** A ticket as exported: {@code externalId} is its reference when it was not imported. */
	public record ExportedTicket(long id, String externalId, String requesterEmail, String requesterName, String subject,
			Channel channel, Severity severity, Long categoryId, Instant createdAt, String followUpOf,
			List<ExportedEvent> events) {
	}

	/**
	 * A stored event of a SPEC §14 type, CREATED excepted. {@code data} is as stored (may be empty);
	 * {@code body} is the message's text for a MESSAGE (null otherwise or when the message is gone).
	 */
	public record ExportedEvent(EventType type, Instant at, String actor, Map<String, Object> data, String body) {
	}

	/**
	 * Up to {@code limit} of the client's tickets created in [{@code from}, {@code to}) after the
	 * keyset position ({@code afterCreated}, {@code afterId}), oldest first; {@code afterCreated}
	 * null starts at the beginning. Events come in (at, id) order.
	 */
	public List<ExportedTicket> page(ClientRef client, Instant from, Instant to, Instant afterCreated, long afterId,
			int limit) {
		return reader.page(client, from, to, afterCreated, afterId, limit);
	}
}
