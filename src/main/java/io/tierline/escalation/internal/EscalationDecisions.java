package io.tierline.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;
import io.tierline.escalation.EscalationEvents.EscalationReturned;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the receiving tier does with an escalation (SPEC §3): T3 accepts it or returns it with a
 * reason (returns feed escalation accuracy); a T4 vendor's progress is recorded until it is done.
 */
@Service
public class EscalationDecisions {

	private final TicketManagement tickets;
	private final EscalationContext context;
	private final Escalations escalations;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EscalationDecisions(TicketManagement tickets, EscalationContext context, Escalations escalations,
			ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.context = context;
		this.escalations = escalations;
		this.events = events;
		this.clock = clock;
	}

	public record Decision(String decision, String reason, String note) {
	}

	/** An escalation the caller may see: one on a ticket they work as staff. Otherwise "not found", naming only the escalation. */
	public Escalation visible(Caller caller, long escalationId) {
		Escalation e = escalations.find(escalationId).orElseThrow(() -> new NotFoundException("Escalation " + escalationId));
		onTicket(caller, e);
		return e;
	}

	@Transactional
	public Escalation decide(Caller caller, long escalationId, Decision d) {
		Escalation e = escalations.find(escalationId).orElseThrow(() -> new NotFoundException("Escalation " + escalationId));
		EscalationContext.OnTicket on = onTicket(caller, e);
		var check = new InputCheck();
		String decision = check.text(d.decision(), "decision", 20, true);
		boolean accepted = "ACCEPTED".equalsIgnoreCase(decision);
		check.require(decision == null || accepted || "RETURNED".equalsIgnoreCase(decision), "decision",
				"must be ACCEPTED or RETURNED");
		Escalation.ReturnReason reason = check.optionalEnum(d.reason(), Escalation.ReturnReason.class, "reason");
		String note = check.text(d.note(), "note", 4000, false);
		if ("RETURNED".equalsIgnoreCase(decision)) {
			check.require(d.reason() != null && !d.reason().isBlank(), "reason",
					"a return says why: one of RESOLVABLE_AT_LOWER_TIER, MISSING_INFORMATION, NOT_A_DEFECT");
			check.require(note != null, "note", "a return explains itself to the agent who escalated");
		}
		check.require(!accepted || d.reason() == null || d.reason().isBlank(), "reason", "only a return gives a reason");
		check.throwIfInvalid();
		requireDecider(caller, e, on);
		if (e.state() != Escalation.State.PENDING) {
			throw new ConflictException("decision", "This escalation is " + e.state() + (e.decidedBy() == null ? "" : " by " + e.decidedBy()));
		}
		Instant now = clock.instant();
		if (!escalations.decide(e.id(), accepted, caller.userId(), now, reason, note)) {
			throw new ConflictException("decision", "Somebody decided on this escalation at the same moment; reload it");
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("escalationId", e.id());
		if (!accepted) {
			details.put("reason", reason.name());
			details.put("note", note);
		}
		tickets.escalationDecided(caller, e.ticketId(), accepted, accepted ? null : e.fromTier(), false, details);
		if (!accepted) {
			events.publishEvent(new EscalationReturned(e.id(), e.ticketId(), e.clientId(), on.ticket().number(),
					on.ticket().subject(), e.escalatedById(), e.fromTier(), reason.name(), note, now));
		}
		return escalations.find(e.id()).orElseThrow();
	}

	/** T3 records the vendor's progress; when the vendor has resolved it the ticket leaves ON_HOLD for T3 to close the loop. */
	@Transactional
	public Escalation vendorUpdate(Caller caller, long escalationId, EscalationWorkflow.VendorInput input) {
		Escalation e = escalations.find(escalationId).orElseThrow(() -> new NotFoundException("Escalation " + escalationId));
		EscalationContext.OnTicket on = onTicket(caller, e);
		var check = new InputCheck();
		Escalation.Vendor vendor = EscalationWorkflow.vendor(input, check);
		check.throwIfInvalid();
		requireDecider(caller, e, on);
		if (e.state() != Escalation.State.WITH_VENDOR) {
			throw new ConflictException("vendor", "Only an escalation to a T4 vendor has vendor progress");
		}
		Instant now = clock.instant();
		var updated = new Escalation.Vendor(vendor.name(), vendor.reference(), vendor.status(), now);
		escalations.vendorUpdated(e.id(), updated);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("escalationId", e.id());
		data.put("vendor", updated.name());
		if (updated.reference() != null) {
			data.put("reference", updated.reference());
		}
		data.put("vendorStatus", updated.status().name());
		boolean vendorDone = updated.status() == Escalation.VendorStatus.RESOLVED || updated.status() == Escalation.VendorStatus.CLOSED;
		boolean waiting = on.ticket().status() == TicketStatus.ON_HOLD;
		tickets.recordEvent(caller, e.ticketId(), EventType.VENDOR_UPDATED, data,
				vendorDone && waiting ? TicketStatus.OPEN : !vendorDone && !waiting ? TicketStatus.ON_HOLD : null);
		return escalations.find(e.id()).orElseThrow();
	}

	private EscalationContext.OnTicket onTicket(Caller caller, Escalation e) {
		try {
			return context.forStaff(caller, String.valueOf(e.ticketId()));
		}
		catch (NotFoundException hidden) {
			throw new NotFoundException("Escalation " + e.id());
		}
	}

	/** T3 of the client (a T3 grant covering the ticket) or the client's admin decides; the provider does not. */
	private static void requireDecider(Caller caller, Escalation e, EscalationContext.OnTicket on) {
		caller.requireMayChangeTicketsOf(e.clientId());
		boolean tier3 = caller.grants().stream()
			.anyMatch(g -> g.covers(e.clientId(), on.queueId(), on.categoryId(), Tier.T3));
		if (!tier3 && !caller.isClientAdmin(e.clientId())) {
			throw new ForbiddenException("Only tier 3 of " + on.ticket().client() + " decides on escalations into "
					+ e.toTier());
		}
	}
}
