package io.tierline.ticket.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.UserRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.ticket.EventType;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketEvents.TicketAssigned;
import io.tierline.ticket.TicketEvents.TicketReopened;
import io.tierline.ticket.TicketEvents.TicketStatusChanged;
import io.tierline.ticket.TicketStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Field changes to a ticket (status, severity, assignee, category, tags), each recorded as an event. */
@Service
public class TicketChanges {

	private final Tickets tickets;
	private final TicketGuard guard;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	TicketChanges(Tickets tickets, TicketGuard guard, AccessManagement access, ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.guard = guard;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A partial update. A field that is absent stays as it is; {@code assignee} present and
	 * null (or empty) unassigns.
	 */
	public record Change(String status, String severity, boolean assigneeGiven, String assignee, String category,
			List<String> tags) {
	}

	@Transactional
	public void apply(Caller caller, String ticketRef, Change change) {
		Ticket ticket = guard.visible(caller, ticketRef);
		if (!guard.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Requesters reply to their tickets; agents change them");
		}
		var check = new InputCheck();
		TicketStatus status = check.optionalEnum(change.status(), TicketStatus.class, "status");
		Severity severity = check.optionalEnum(change.severity(), Severity.class, "severity");
		Long categoryId = check.lookup(change.category(), s -> access.categoryId(ticket.clientId(), s), "category", "category");
		UserRef assignee = change.assigneeGiven() && change.assignee() != null && !change.assignee().isBlank()
				? assignee(check, ticket, change.assignee()) : null;
		List<String> tags = change.tags() == null ? null : TicketIntake.tags(check, change.tags());
		check.throwIfInvalid();
		caller.requireMayChangeTicketsOf(ticket.clientId());

		Map<String, Object> before = snapshot(ticket);
		Instant now = clock.instant();
		TicketStatus previous = ticket.status();
		if (severity != null) {
			ticket.changeSeverity(severity, caller.userId(), now);
		}
		if (categoryId != null) {
			ticket.changeCategory(categoryId, change.category(), caller.userId(), now);
		}
		if (change.assigneeGiven()) {
			ticket.assign(assignee == null ? null : assignee.id(), assignee == null ? null : assignee.email(), caller.userId(), now);
		}
		if (status != null) {
			ticket.changeStatus(status, caller.userId(), now);
		}
		if (tags != null && !tags.equals(tickets.tags(ticket.id()))) {
			tickets.replaceTags(ticket.id(), tags);
			ticket.recordEvent(EventType.TAGS_CHANGED, caller.userId(), now, Ticket.data("tags", tags));
		}
		tickets.update(ticket);
		publish(ticket, previous, before, now);
		events.publishEvent(new AuditEvent(ticket.clientId(), caller.userId(), caller.email(), "TICKET_UPDATED", ticket.id(),
				null, before, snapshot(ticket)));
	}

	/**
	 * An assignment made by routing, not by a person: the ASSIGNED event carries {@code because}
	 * (reason, strategy). {@code agentId} null unassigns. A solved or closed ticket is left as it is.
	 *
	 * @return whether the ticket was active and now has that assignee
	 */
	@Transactional
	public boolean assignAutomatically(long ticketId, Long agentId, Map<String, Object> because) {
		Ticket ticket = tickets.find(ticketId).orElse(null);
		if (ticket == null || !ticket.status().isActive()) {
			return false;
		}
		Map<String, Object> before = snapshot(ticket);
		Instant now = clock.instant();
		UserRef agent = agentId == null ? null : access.user(agentId);
		ticket.assign(agentId, agent == null ? null : agent.email(), null, now, because);
		tickets.update(ticket);
		publish(ticket, ticket.status(), before, now);
		events.publishEvent(new AuditEvent(ticket.clientId(), null, "routing", "TICKET_ROUTED", ticket.id(), null, before,
				snapshot(ticket)));
		return true;
	}

	private void publish(Ticket ticket, TicketStatus previous, Map<String, Object> before, Instant now) {
		if (ticket.status() != previous) {
			events.publishEvent(new TicketStatusChanged(ticket.id(), ticket.clientId(), previous, ticket.status(), now));
			if (previous == TicketStatus.SOLVED && ticket.status() == TicketStatus.OPEN) {
				events.publishEvent(new TicketReopened(ticket.id(), ticket.clientId(), now));
			}
		}
		if (!java.util.Objects.equals(before.get("assigneeId"), ticket.assigneeId())) {
			events.publishEvent(new TicketAssigned(ticket.id(), ticket.clientId(), ticket.assigneeId(), now));
		}
	}

	/** The assignee must be an agent who could work the ticket: covered by a grant, not in SHADOW stage. */
	private UserRef assignee(InputCheck check, Ticket ticket, String email) {
		List<UserRef> eligible = new ArrayList<>(access.assignableAgents(ticket.clientId(), ticket.queueId(), ticket.categoryId(), ticket.tier()));
		UserRef found = eligible.stream().filter(u -> u.email().equalsIgnoreCase(email.strip())).findFirst().orElse(null);
		check.require(found != null, "assignee", "is not an agent who may work this ticket at " + ticket.tier());
		return found;
	}

	private static Map<String, Object> snapshot(Ticket t) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("status", t.status());
		s.put("severity", t.severity());
		s.put("categoryId", t.categoryId());
		s.put("assigneeId", t.assigneeId());
		s.put("tier", t.tier());
		return s;
	}
}
