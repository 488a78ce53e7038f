package io.tierline.ticket.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketEvents.TicketEscalated;
import io.tierline.ticket.TicketEvents.TicketEscalationDecided;
import io.tierline.ticket.TicketEvents.TicketStatusChanged;
import io.tierline.ticket.TicketStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tier moves on behalf of the escalation workflow (SPEC §3): the workflow checks the template
 * and the client's rules, the ticket checks its own (no going down, no skipping unless allowed).
 */
@Service
public class TicketTiers {

	private final Tickets tickets;
	private final TicketGuard guard;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	TicketTiers(Tickets tickets, TicketGuard guard, ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.guard = guard;
		this.events = events;
		this.clock = clock;
	}

	/** @param holdForVendor a T4 escalation: the ticket waits ON_HOLD on the vendor */
	@Transactional
	public void escalate(Caller caller, long ticketId, Tier to, boolean mayskipTiers, boolean holdForVendor,
			Map<String, Object> details) {
		Ticket ticket = workable(caller, ticketId);
		Tier from = ticket.tier();
		TicketStatus before = ticket.status();
		Instant now = clock.instant();
		ticket.escalate(to, mayskipTiers, caller.userId(), now, details);
		if (holdForVendor) {
			ticket.changeStatus(TicketStatus.ON_HOLD, caller.userId(), now);
		}
		else if (ticket.status() == TicketStatus.NEW) {
			ticket.changeStatus(TicketStatus.OPEN, caller.userId(), now);
		}
		tickets.update(ticket);
		statusChanged(ticket, before, now);
		events.publishEvent(new TicketEscalated(ticket.id(), ticket.clientId(), from, to, now));
		audit(caller, ticket, "TICKET_ESCALATED", Map.of("tier", from), Map.of("tier", to));
	}

	/** @param backTo the escalating tier when returned; null when accepted */
	@Transactional
	public void decided(Caller caller, long ticketId, boolean accepted, Tier backTo, boolean reopenFromHold,
			Map<String, Object> details) {
		Ticket ticket = workable(caller, ticketId);
		Tier from = ticket.tier();
		TicketStatus before = ticket.status();
		Instant now = clock.instant();
		ticket.escalationDecided(accepted, backTo, caller.userId(), now, details);
		if (reopenFromHold && ticket.status() == TicketStatus.ON_HOLD) {
			ticket.changeStatus(TicketStatus.OPEN, caller.userId(), now);
		}
		tickets.update(ticket);
		statusChanged(ticket, before, now);
		events.publishEvent(new TicketEscalationDecided(ticket.id(), ticket.clientId(), accepted, from, ticket.tier(), now));
		audit(caller, ticket, accepted ? "ESCALATION_ACCEPTED" : "ESCALATION_RETURNED", Map.of("tier", from),
				Map.of("tier", ticket.tier()));
	}

	/** A fact about the ticket recorded by another module (a known issue linked, a vendor update). */
	@Transactional
	public void record(Caller caller, long ticketId, EventType type, Map<String, Object> data, TicketStatus newStatus) {
		Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId));
		TicketStatus before = ticket.status();
		Instant now = clock.instant();
		ticket.recordEvent(type, caller.userId(), now, new LinkedHashMap<>(data));
		if (newStatus != null) {
			ticket.changeStatus(newStatus, caller.userId(), now);
		}
		tickets.update(ticket);
		statusChanged(ticket, before, now);
		audit(caller, ticket, type.name(), null, data);
	}

	private Ticket workable(Caller caller, long ticketId) {
		Ticket ticket = guard.visible(caller, ticketId);
		if (!guard.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Requesters do not move tickets between tiers");
		}
		caller.requireMayChangeTicketsOf(ticket.clientId());
		return ticket;
	}

	private void statusChanged(Ticket ticket, TicketStatus before, Instant now) {
		if (ticket.status() != before) {
			events.publishEvent(new TicketStatusChanged(ticket.id(), ticket.clientId(), before, ticket.status(), now));
		}
	}

	private void audit(Caller caller, Ticket ticket, String action, Map<String, Object> before, Map<String, Object> after) {
		events.publishEvent(new AuditEvent(ticket.clientId(), caller.userId(), caller.email(), action, ticket.id(), null,
				before, after));
	}
}
