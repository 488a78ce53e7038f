package io.tierline.escalation.internal;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.ForbiddenException;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Component;

/** A ticket as the escalation rules see it: its client, category and queue ids, policy and settings. */
@Component
public class EscalationContext {

	private final TicketManagement tickets;
	private final AccessManagement access;
	private final EscalationSettings settings;
	private final CategoryPolicies policies;

	EscalationContext(TicketManagement tickets, AccessManagement access, EscalationSettings settings, CategoryPolicies policies) {
		this.tickets = tickets;
		this.access = access;
		this.settings = settings;
		this.policies = policies;
	}

	public record OnTicket(TicketView ticket, long clientId, Long categoryId, Long queueId, EscalationSettings.Settings settings,
			EscalationRules.Situation situation) {
	}

	/** The ticket if the caller may see it (else not found) and works it as staff (else forbidden). */
	public OnTicket forStaff(Caller caller, String ticketRef) {
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Escalations are for agents and admins");
		}
		long clientId = access.clientBySlug(ticket.client()).orElseThrow().id();
		Long categoryId = ticket.category() == null ? null : access.categoryId(clientId, ticket.category()).orElse(null);
		Long queueId = ticket.queue() == null ? null : access.queueId(clientId, ticket.queue()).orElse(null);
		var clientSettings = settings.of(clientId);
		CategoryPolicy policy = policies.of(clientId, categoryId);
		String categoryName = ticket.category() == null ? "a ticket without a category" : ticket.category();
		return new OnTicket(ticket, clientId, categoryId, queueId, clientSettings, new EscalationRules.Situation(ticket.tier(),
				ticket.severity(), categoryId, categoryName, policy, clientSettings));
	}

	public CategoryPolicy policy(long clientId, Long categoryId) {
		return policies.of(clientId, categoryId);
	}
}
