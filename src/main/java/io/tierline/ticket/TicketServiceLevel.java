package io.tierline.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.common.NotFoundException;
import io.tierline.common.Rows;
import io.tierline.ticket.internal.Ticket;
import io.tierline.ticket.internal.Tickets;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the SLA module writes onto tickets: the next due clock the queue shows and sorts by, its
 * warnings and breaches as ticket events, and the breach actions that change the ticket.
 */
@Service
public class TicketServiceLevel {

	/** An event established by the system, not by a person (actor null). */
	public record SystemEvent(long ticketId, long clientId, EventType type, Instant at, Map<String, Object> data) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final JsonMapper json;
	private final Tickets tickets;
	private final AccessManagement access;
	private final Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	TicketServiceLevel(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Tickets tickets, AccessManagement access, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.tickets = tickets;
		this.access = access;
		this.clock = clock;
	}

	public void showDue(long ticketId, String clock, Instant warnAt, Instant dueAt) {
		jdbc.sql("update tickets set sla_clock = ?, sla_warn_at = ?, sla_due_at = ? where id = ?")
			.params(clock, warnAt, dueAt, ticketId).update();
	}

	/** One round trip for a batch of system events (the SLA timers fire thousands a second). */
	public void record(List<SystemEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		List<Object[]> rows = events.stream().map(e -> new Object[] { e.ticketId(), e.clientId(), e.type().name(), null,
				Rows.timestamp(e.at()), e.data().isEmpty() ? null : json.writeValueAsString(e.data()) }).toList();
		batch.batchUpdate("insert into ticket_events (ticket_id, client_id, type, actor_id, at, data) values (?, ?, ?, ?, ?, ?)", rows);
	}

	/**
	 * SPEC §4 breach actions: one step up in severity (P1 stays P1) and/or into another queue of the
	 * ticket's client. A solved or closed ticket is left as it is. Each change is a ticket event.
	 */
	@Transactional
	public void breachActions(long ticketId, boolean raiseSeverity, Long queueId, Map<String, Object> because) {
		Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId));
		if (!ticket.status().isActive() || ticket.status() == TicketStatus.CLOSED) {
			return;
		}
		Instant now = clock.instant();
		if (raiseSeverity && ticket.severity() != Severity.P1) {
			ticket.changeSeverity(Severity.values()[ticket.severity().ordinal() - 1], null, now);
		}
		Long queueBefore = ticket.queueId();
		if (queueId != null && access.queueSlug(queueId) != null) {
			ticket.moveToQueue(queueId, access.queueSlug(queueId), null, now, because);
		}
		tickets.update(ticket);
		if (!java.util.Objects.equals(queueBefore, ticket.queueId())) {
			events.publishEvent(new TicketEvents.TicketQueueChanged(ticketId, ticket.clientId(), ticket.queueId(), now));
		}
	}
}
