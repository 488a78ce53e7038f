package io.tierline.escalation.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.Tier;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Component;

/** What the ticket page shows about escalation: the current structured block, the history, what the caller may do. */
@Component
public class EscalationPanel {

	private final EscalationContext context;
	private final Escalations escalations;
	private final Criteria criteria;

	EscalationPanel(EscalationContext context, Escalations escalations, Criteria criteria) {
		this.context = context;
		this.escalations = escalations;
		this.criteria = criteria;
	}

	/**
	 * @param lastReturn the latest escalation when T3 returned it to the tier the ticket is at; the agent reads why
	 * @param current the escalation that brought the ticket to its tier, shown as a block at the top; may be null
	 * @param labels environment key → label, from the category's capture template
	 * @param criterionNames criterion id → name
	 */
	public record View(TicketView ticket, Escalation current, Escalation lastReturn, List<Escalation> history, Map<String, String> labels,
			Map<Long, String> criterionNames, boolean mayDecide, boolean mayEscalate) {
	}

	public View of(Caller caller, String ticketRef) {
		EscalationContext.OnTicket on = context.forStaff(caller, ticketRef);
		List<Escalation> history = escalations.ofTicket(on.ticket().id());
		Escalation current = null;
		for (Escalation e : history) {
			if (e.toTier() == on.ticket().tier() && e.state() != Escalation.State.RETURNED) {
				current = e;
			}
		}
		Escalation last = history.isEmpty() ? null : history.get(history.size() - 1);
		Escalation lastReturn = last != null && last.state() == Escalation.State.RETURNED && last.fromTier() == on.ticket().tier()
				? last : null;
		Map<String, String> labels = new HashMap<>();
		on.situation().policy().template().fields().forEach(f -> labels.put(f.key(), f.label()));
		Map<Long, String> names = new HashMap<>();
		criteria.ofClient(on.clientId(), false).forEach(c -> names.put(c.id(), c.name()));
		boolean mayChange = mayChange(caller, on.clientId());
		boolean decider = mayChange && (caller.isClientAdmin(on.clientId()) || caller.grants().stream()
			.anyMatch(g -> g.covers(on.clientId(), on.queueId(), on.categoryId(), Tier.T3)));
		return new View(on.ticket(), current, lastReturn, history, labels, names, decider, mayChange && on.ticket().tier() != Tier.T4);
	}

	private static boolean mayChange(Caller caller, long clientId) {
		try {
			caller.requireMayChangeTicketsOf(clientId);
			return true;
		}
		catch (RuntimeException readOnly) {
			return false;
		}
	}
}
