package io.tierline.assist.internal;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.Tier;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Component;

/**
 * Who gets agent assist on which ticket: the people who work it at tier 1 or 2 (its agents and the
 * admins). Not requesters, not auditors or SHADOW agents (they may not act on it), and nothing on a
 * ticket at T3 or T4: engineering works from the escalation, not from suggestions.
 */
@Component
class AssistAccess {

	private final TicketManagement tickets;
	private final AccessManagement access;

	AssistAccess(TicketManagement tickets, AccessManagement access) {
		this.tickets = tickets;
		this.access = access;
	}

	record OnTicket(TicketView ticket, long clientId) {
	}

	/** 404 when the caller cannot see the ticket, 403 when they may not work it, 409 when it is above tier 2. */
	OnTicket onTicket(Caller caller, String ticketRef) {
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Agent assist is for the agents and admins who work the ticket");
		}
		long clientId = access.clientBySlug(ticket.client()).orElseThrow().id();
		caller.requireMayChangeTicketsOf(clientId);
		if (ticket.tier() == Tier.T3 || ticket.tier() == Tier.T4) {
			throw new ConflictException("ticket", "Agent assist is for tickets at tier 1 and tier 2; " + ticket.number() + " is at "
					+ ticket.tier());
		}
		return new OnTicket(ticket, clientId);
	}
}
