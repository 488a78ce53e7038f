package io.tierline.ticket.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.Keyset;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading tickets within the caller's grants; every view of a ticket is audited. */
@Service
public class TicketReading {

	private final TicketGuard guard;
	private final TicketQueries queries;
	private final Messages messages;
	private final Attachments attachments;
	private final TicketEventStore eventStore;
	private final AccessManagement access;

	TicketReading(TicketGuard guard, TicketQueries queries, Messages messages, Attachments attachments,
			TicketEventStore eventStore, AccessManagement access) {
		this.guard = guard;
		this.queries = queries;
		this.messages = messages;
		this.attachments = attachments;
		this.eventStore = eventStore;
		this.access = access;
	}

	/** Query parameters as received; each is optional. {@code assignee}: an e-mail, "me" or "none". */
	/** {@code sort} is {@code updated} (newest activity first, the default) or {@code due} (next SLA due first, only tickets with a running clock). */
	public record Query(String client, String status, String tier, String assignee, String text, String sort) {
	}

	public record Thread(List<Messages.Message> messages, List<Attachments.Attachment> attachments) {
	}

	public record EventView(long id, EventType type, String actor, Instant at, String data) {
	}

	@Transactional
	public TicketView get(Caller caller, String ref, boolean audited) {
		Ticket ticket = guard.visible(caller, ref);
		if (audited) {
			guard.recordView(caller, ticket, "ticket");
		}
		return queries.view(ticket.id()).orElseThrow(() -> new NotFoundException("Ticket " + ref));
	}

	/** The ticket its creator just opened: they see what they wrote even when its tier is outside their grants. */
	public TicketView justOpened(long id) {
		return queries.view(id).orElseThrow(() -> new NotFoundException("Ticket " + id));
	}

	public TicketQueries.Page list(Caller caller, Query query, Keyset after, int limit) {
		var check = new InputCheck();
		ClientRef client = check.lookup(query.client(), access::clientBySlug, "client", "client");
		List<TicketStatus> statuses = query.status() == null || query.status().isBlank() ? List.of()
				: Arrays.stream(query.status().split(",")).map(s -> check.enumValue(s, TicketStatus.class, "status", null)).toList();
		Tier tier = check.optionalEnum(query.tier(), Tier.class, "tier");
		Long assigneeId = null;
		boolean unassigned = "none".equalsIgnoreCase(query.assignee());
		if ("me".equalsIgnoreCase(query.assignee())) {
			assigneeId = caller.userId();
		}
		else if (query.assignee() != null && !query.assignee().isBlank() && !unassigned) {
			assigneeId = access.userByEmail(query.assignee()).map(u -> u.id()).orElse(-1L);
		}
		String text = check.text(query.text(), "q", 200, false);
		boolean byDue = "due".equalsIgnoreCase(query.sort());
		check.require(query.sort() == null || query.sort().isBlank() || byDue || "updated".equalsIgnoreCase(query.sort()), "sort",
				"must be updated or due");
		check.throwIfInvalid();
		Long clientId = client == null ? null : client.id();
		var visibility = TicketVisibility.of(caller, access.clients(), clientId);
		var filter = new TicketQueries.Filter(clientId, statuses, tier, assigneeId,
				unassigned, null, text, byDue);
		return queries.list(visibility, filter, after, limit);
	}

	/** The requester's own tickets, for the portal. */
	public TicketQueries.Page mine(Caller caller, Keyset after, int limit) {
		var visibility = new TicketVisibility("t.requester_id = :me", java.util.Map.of("me", caller.userId()));
		return queries.list(visibility, new TicketQueries.Filter(null, null, null, null, false, null, null, false), after, limit);
	}

	/** @param audited false when the same request already recorded the view of the ticket */
	@Transactional
	public Thread thread(Caller caller, String ref, long afterId, int limit, boolean audited) {
		Ticket ticket = guard.visible(caller, ref);
		boolean staff = guard.isStaffOn(caller, ticket);
		if (staff && audited) {
			guard.recordView(caller, ticket, "thread");
		}
		List<Messages.Message> page = messages.thread(ticket.id(), !staff, afterId, limit);
		var ids = page.stream().map(Messages.Message::id).toList();
		return new Thread(page, attachments.ofTicket(ticket.id(), staff ? null : ids));
	}

	public List<EventView> events(Caller caller, String ref, long afterId, int limit) {
		Ticket ticket = guard.visible(caller, ref);
		if (!guard.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("The event history is for agents and admins");
		}
		return eventStore.page(ticket.id(), afterId, limit).stream()
			.map(e -> new EventView(e.id(), e.type(), e.actor(), e.at(), e.data())).toList();
	}

	public Messages.Message message(long id) {
		return messages.find(id).orElseThrow(() -> new NotFoundException("Message " + id));
	}
}
