package io.tierline.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.Tier;
import io.tierline.escalation.EscalationEvents.EngineeringRequired;
import io.tierline.escalation.KnownIssueManagement;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalating a ticket (SPEC §3): refused with every missing or invalid field named until the
 * template is complete and the client's rules allow the move; then the ticket changes tier and
 * keeps the escalation in its history. Into T3 it raises "engineering required".
 */
@Service
public class EscalationWorkflow {

	static final int MAX_STEPS = 50;
	static final int MAX_TEXT = 20_000;

	private final TicketManagement tickets;
	private final EscalationContext context;
	private final Criteria criteria;
	private final Escalations escalations;
	private final KnownIssueManagement knownIssues;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EscalationWorkflow(TicketManagement tickets, EscalationContext context, Criteria criteria, Escalations escalations,
			KnownIssueManagement knownIssues, ApplicationEventPublisher events, Clock clock) {
		this.knownIssues = knownIssues;
		this.tickets = tickets;
		this.context = context;
		this.criteria = criteria;
		this.escalations = escalations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What an agent sends. {@code criterion} is the criterion's code; {@code vendor} is required
	 * for T4 only.
	 */
	public record Request(String toTier, String criterion, List<String> stepsAttempted, Map<String, String> environment,
			String errorMessages, String reproductionSteps, String customerImpact, Integer customersAffected, Long knownIssue,
			VendorInput vendor) {
	}

	public record VendorInput(String name, String reference, String status) {
	}

	/** @param check problems already found in the request's shape (a list that was not a list …), reported together */
	@Transactional
	public Escalation escalate(Caller caller, String ticketRef, Request r, InputCheck check) {
		EscalationContext.OnTicket on = context.forStaff(caller, ticketRef);
		caller.requireMayChangeTicketsOf(on.clientId());
		EscalationRules.Situation s = on.situation();

		Tier to = check.enumValue(r.toTier(), Tier.class, "toTier", null);
		if (to != null && !to.isAbove(Tier.T1)) {
			check.add("toTier", "an escalation goes up to T2, T3 or T4");
			to = null;
		}
		String code = check.text(r.criterion(), "criterion", 60, true);
		Criterion criterion = code == null ? null : criteria.byCode(on.clientId(), code).orElse(null);
		if (code != null && criterion == null) {
			check.add("criterion", "unknown criterion '" + code + "' for " + on.ticket().client());
		}
		List<String> steps = steps(r.stepsAttempted(), check);
		String errors = check.text(r.errorMessages(), "errorMessages", MAX_TEXT, false);
		String reproduction = check.text(r.reproductionSteps(), "reproductionSteps", MAX_TEXT, false);
		String impact = check.text(r.customerImpact(), "customerImpact", 4000, false);
		check.require(r.customersAffected() == null || r.customersAffected() >= 0, "customersAffected", "must not be negative");
		EscalationRules.checkTemplate(criterion, steps, errors, reproduction, impact, check);
		Map<String, String> environment = EscalationRules.checkEnvironment(s,
				r.environment() == null ? Map.of() : r.environment(), check);
		EscalationRules.checkCriterion(s, criterion, to, r.customersAffected(), check);
		EscalationRules.checkTiers(s, criterion, to, check);
		Escalation.Vendor vendor = to == Tier.T4 ? vendor(r.vendor(), check) : null;
		check.require(to == Tier.T4 || r.vendor() == null, "vendor", "only an escalation to T4 names a vendor");
		if (r.knownIssue() != null) {
			check.require(knownIssues.visible(caller, r.knownIssue()).filter(k -> k.clientId() == on.clientId()).isPresent(),
					"knownIssue", "is not a known issue of " + on.ticket().client());
		}
		check.throwIfInvalid();
		if (escalations.hasPending(on.ticket().id())) {
			throw new ConflictException("toTier", "An escalation of this ticket is waiting for T3's decision");
		}

		Instant now = clock.instant();
		var escalation = new Escalation(0, on.ticket().id(), on.clientId(), s.tier(), to, criterion.id(), steps, environment,
				errors, reproduction, impact, r.customersAffected(), r.knownIssue(), caller.userId(), caller.email(), now,
				Escalation.initialState(to), null, null, null, null, null, vendor);
		if (r.knownIssue() != null) {
			// linked before the move: after it the escalating agent may no longer see the ticket
			knownIssues.link(caller, r.knownIssue(), String.valueOf(on.ticket().id()));
		}
		long id = escalations.insert(escalation);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("escalationId", id);
		details.put("criterion", criterion.code());
		details.put("templateCompletedAt", now.toString());
		tickets.escalate(caller, on.ticket().id(), to, EscalationRules.maySkip(s, criterion, to), to == Tier.T4, details);
		if (to == Tier.T3) {
			engineeringRequired(on, id, s.tier(), criterion, impact, caller, now);
		}
		return escalations.find(id).orElseThrow();
	}

	private void engineeringRequired(EscalationContext.OnTicket on, long escalationId, Tier from, Criterion criterion,
			String impact, Caller caller, Instant now) {
		TicketView t = on.ticket();
		events.publishEvent(new EngineeringRequired(escalationId, t.id(), on.clientId(), t.number(), t.subject(),
				t.severity().name(), on.queueId(), on.categoryId(), from, criterion.name(), impact,
				on.settings().engineeringContact(), caller.userId(), now));
	}

	private static List<String> steps(List<String> given, InputCheck check) {
		if (given == null) {
			return null;
		}
		List<String> steps = given.stream().filter(step -> step != null && !step.isBlank()).map(String::strip).toList();
		check.require(steps.size() <= MAX_STEPS, "stepsAttempted", "at most " + MAX_STEPS + " steps");
		check.require(steps.stream().allMatch(step -> step.length() <= 1000), "stepsAttempted", "each step at most 1000 characters");
		return steps;
	}

	static Escalation.Vendor vendor(VendorInput input, InputCheck check) {
		if (input == null) {
			check.add("vendor.name", "an escalation to T4 names the vendor");
			return null;
		}
		String name = check.text(input.name(), "vendor.name", 200, true);
		String reference = check.text(input.reference(), "vendor.reference", 200, false);
		Escalation.VendorStatus status = check.enumValue(input.status(), Escalation.VendorStatus.class, "vendor.status",
				Escalation.VendorStatus.OPEN);
		return name == null ? null : new Escalation.Vendor(name, reference, status, null);
	}

	/** Only staff on the ticket read its escalations. */
	public List<Escalation> history(Caller caller, String ticketRef) {
		return escalations.ofTicket(context.forStaff(caller, ticketRef).ticket().id());
	}

	static void requireStaff(boolean staff) {
		if (!staff) {
			throw new ForbiddenException("Escalations are for agents and admins");
		}
	}
}
