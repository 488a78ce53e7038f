package io.tierline.ticket.internal;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads a ticket for a caller: one they may not see is "not found" (SPEC §1: no existence
 * leak). Accepts a database id or a reference such as ACME-1042.
 */
@Component
public class TicketGuard {

	private final Tickets tickets;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;

	TicketGuard(Tickets tickets, AccessManagement access, ApplicationEventPublisher events) {
		this.tickets = tickets;
		this.access = access;
		this.events = events;
	}

	public Ticket visible(Caller caller, String idOrNumber) {
		Ticket ticket = resolve(idOrNumber);
		if (ticket == null || !caller.canSeeTicket(ticket.clientId(), ticket.queueId(), ticket.categoryId(), ticket.tier(),
				ticket.requesterId())) {
			throw new NotFoundException("Ticket " + idOrNumber);
		}
		return ticket;
	}

	public Ticket visible(Caller caller, long id) {
		return visible(caller, String.valueOf(id));
	}

	/**
	 * The ticket a message or attachment belongs to. When the caller may not see it, the thing
	 * they asked about ({@code asked}, e.g. "Attachment 12") is what is not found: naming the
	 * ticket would tell them that the thing exists and where.
	 */
	public Ticket visibleOwner(Caller caller, long ticketId, String asked) {
		try {
			return visible(caller, ticketId);
		}
		catch (NotFoundException e) {
			throw new NotFoundException(asked);
		}
	}

	/** Staff only: a requester may read their own ticket but does not see its internal workings. */
	public boolean isStaffOn(Caller caller, Ticket ticket) {
		return caller.readsWholeClient(ticket.clientId()) || caller.worksFor(ticket.clientId());
	}

	/** SPEC §1: every view of a ticket by an agent is in the audit log. */
	public void recordView(Caller caller, Ticket ticket, String what) {
		events.publishEvent(new AuditEvent(ticket.clientId(), caller.userId(), caller.email(), "TICKET_VIEWED", ticket.id(),
				what, null, null));
	}

	private Ticket resolve(String idOrNumber) {
		String value = idOrNumber.strip();
		int dash = value.lastIndexOf('-');
		try {
			if (dash > 0) {
				ClientRef client = access.clients().stream()
					.filter(c -> value.substring(0, dash).equalsIgnoreCase(c.ticketPrefix())).findFirst().orElse(null);
				return client == null ? null
						: tickets.findByNumber(client.id(), Long.parseLong(value.substring(dash + 1))).orElse(null);
			}
			return tickets.find(Long.parseLong(value)).orElse(null);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
