package io.tierline.escalation.internal;

import java.util.ArrayList;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.Tier;
import io.tierline.escalation.KnownIssueManagement;
import io.tierline.escalation.KnownIssueSummary;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Component;

/** What an escalation of a ticket must carry right now, for the escalate form and for integrations. */
@Component
public class EscalationForm {

	private final EscalationContext context;
	private final Criteria criteria;
	private final TicketManagement tickets;
	private final KnownIssueManagement knownIssues;

	EscalationForm(EscalationContext context, Criteria criteria, TicketManagement tickets, KnownIssueManagement knownIssues) {
		this.knownIssues = knownIssues;
		this.context = context;
		this.criteria = criteria;
		this.tickets = tickets;
	}

	/**
	 * @param targets tiers the ticket may go to under at least one applicable criterion
	 * @param ownedEndToEndAt the tier that owns the ticket's category end-to-end, or null
	 * @param linkedKnownIssues known issues the ticket is linked to, which the escalation may name
	 */
	public record Template(String ticket, Tier tier, List<Tier> targets, Tier ownedEndToEndAt, List<CriterionOption> criteria,
			List<CaptureField> environment, boolean p1DirectToT3, List<KnownIssueSummary> linkedKnownIssues) {
	}

	/** A criterion the agent may choose, with the tiers it reaches from where the ticket is. */
	public record CriterionOption(String code, String name, String description, List<Tier> toTiers, boolean suspectedDefect,
			Integer minCustomersAffected) {
	}

	public Template template(Caller caller, String ticketRef) {
		EscalationContext.OnTicket on = context.forStaff(caller, ticketRef);
		EscalationRules.Situation s = on.situation();
		List<CriterionOption> options = new ArrayList<>();
		List<Tier> targets = new ArrayList<>();
		for (Criterion c : criteria.ofClient(on.clientId(), true)) {
			if (!c.appliesTo(on.categoryId()) || !c.allowsSeverity(s.severity())) {
				continue;
			}
			List<Tier> reachable = c.toTiers().stream().filter(to -> reachable(s, c, to)).toList();
			if (!reachable.isEmpty()) {
				options.add(new CriterionOption(c.code(), c.name(), c.description(), reachable, c.suspectedDefect(),
						c.minCustomersAffected()));
				reachable.stream().filter(t -> !targets.contains(t)).forEach(targets::add);
			}
		}
		targets.sort(null);
		return new Template(on.ticket().number(), s.tier(), targets,
				s.policy().handling() == CategoryPolicy.Handling.OWNED ? s.policy().ownerTier() : null, options,
				s.policy().template().fields(), on.settings().p1DirectToT3(), knownIssues.linkedTo(caller, ticketRef));
	}

	private static boolean reachable(EscalationRules.Situation s, Criterion c, Tier to) {
		var check = new io.tierline.common.InputCheck();
		EscalationRules.checkTiers(s, c, to, check);
		return !check.hasProblems();
	}

	public String ticketNumber(Escalation e) {
		return tickets.find(e.ticketId()).map(TicketView::number).orElse(null);
	}
}
