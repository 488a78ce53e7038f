package io.tierline.ticket.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.OnboardingStage;
import io.tierline.common.AuditEvent;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.ticket.EventType;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.TicketEvents.MessagePosted;
import io.tierline.ticket.TicketEvents.TicketReopened;
import io.tierline.ticket.TicketEvents.TicketStatusChanged;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.Visibility;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies and notes on a ticket: the requester's side (reopen window, follow-ups) and the
 * agents' side (onboarding stages: SHADOW may not write, SUPERVISED replies are held for a lead).
 */
@Service
public class Conversation {

	private final Tickets tickets;
	private final Messages messages;
	private final SecretScreen screen;
	private final TicketGuard guard;
	private final TicketIntake intake;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Conversation(Tickets tickets, Messages messages, SecretScreen screen, TicketGuard guard, TicketIntake intake,
			AccessManagement access, ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.messages = messages;
		this.screen = screen;
		this.guard = guard;
		this.intake = intake;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** A message to post; {@code status} optionally changes the ticket in the same step (e.g. reply and set PENDING). */
	public record Post(String body, String visibility, String kind, String status) {
	}

	/** The message written, and the follow-up ticket it went to when the old one could not take it. */
	public record Posted(long messageId, long ticketId, Messages.State state, Long followUpTicketId) {
	}

	@Transactional
	public Posted post(Caller caller, String ticketRef, Post post) {
		Ticket ticket = guard.visible(caller, ticketRef);
		return guard.isStaffOn(caller, ticket) ? agentPost(caller, ticket, post) : requesterPost(caller, ticket, post);
	}

	private Posted requesterPost(Caller caller, Ticket ticket, Post post) {
		var check = new InputCheck();
		String body = check.text(post.body(), "body", TicketIntake.MAX_BODY, true);
		Visibility visibility = check.enumValue(post.visibility(), Visibility.class, "visibility", Visibility.PUBLIC);
		check.throwIfInvalid();
		if (visibility == Visibility.INTERNAL) {
			throw new ForbiddenException("Requesters cannot write internal notes");
		}
		Instant now = clock.instant();
		TicketStatus before = ticket.status();
		int window = access.organization(ticket.clientId()).reopenWindowDays();
		Ticket.RequesterReply effect = ticket.requesterReplied(caller.userId(), now, window);
		if (effect == Ticket.RequesterReply.NEEDS_FOLLOW_UP) {
			Ticket followUp = intake.openFollowUp(ticket, caller.userId(), body, now);
			audit(caller, followUp, "FOLLOW_UP_OPENED", Map.of("followUpOf", ticket.id()));
			long messageId = messages.thread(followUp.id(), true, 0, 1).get(0).id();
			return new Posted(messageId, followUp.id(), Messages.State.SENT, followUp.id());
		}
		long messageId = screen.insertMessage(ticket, caller.userId(), Visibility.PUBLIC, null, body, Messages.State.SENT, now);
		ticket.recordEvent(EventType.MESSAGE, caller.userId(), now, Ticket.data("visibility", Visibility.PUBLIC, "messageId", messageId));
		tickets.update(ticket);
		statusChanged(ticket, before, now);
		if (effect == Ticket.RequesterReply.REOPENS) {
			events.publishEvent(new TicketReopened(ticket.id(), ticket.clientId(), now));
		}
		events.publishEvent(new MessagePosted(ticket.id(), ticket.clientId(), messageId, caller.userId(), true, Visibility.PUBLIC, null, now));
		audit(caller, ticket, "MESSAGE_POSTED", Map.of("messageId", messageId, "visibility", "PUBLIC"));
		return new Posted(messageId, ticket.id(), Messages.State.SENT, null);
	}

	private Posted agentPost(Caller caller, Ticket ticket, Post post) {
		var check = new InputCheck();
		String body = check.text(post.body(), "body", TicketIntake.MAX_BODY, true);
		Visibility visibility = check.enumValue(post.visibility(), Visibility.class, "visibility", Visibility.PUBLIC);
		MessageKind kind = visibility == Visibility.INTERNAL ? null
				: check.enumValue(post.kind(), MessageKind.class, "kind", MessageKind.SUBSTANTIVE);
		TicketStatus status = check.optionalEnum(post.status(), TicketStatus.class, "status");
		check.throwIfInvalid();
		caller.requireMayChangeTicketsOf(ticket.clientId());
		Instant now = clock.instant();
		TicketStatus before = ticket.status();
		boolean held = visibility == Visibility.PUBLIC && caller.worksFor(ticket.clientId())
				&& !caller.readsWholeClient(ticket.clientId())
				&& caller.stageAt(ticket.clientId()) == OnboardingStage.SUPERVISED;
		Messages.State state = held ? Messages.State.HELD : Messages.State.SENT;
		long messageId = screen.insertMessage(ticket, caller.userId(), visibility, kind, body, state, now);
		if (held) {
			ticket.recordEvent(EventType.REPLY_HELD, caller.userId(), now, Ticket.data("messageId", messageId, "kind", kind));
		}
		else {
			sent(ticket, messageId, caller.userId(), visibility, kind, now);
		}
		if (status != null) {
			ticket.changeStatus(status, caller.userId(), now);
		}
		tickets.update(ticket);
		if (!held) {
			events.publishEvent(new MessagePosted(ticket.id(), ticket.clientId(), messageId, caller.userId(), false, visibility, kind, now));
		}
		statusChanged(ticket, before, now);
		audit(caller, ticket, held ? "REPLY_HELD" : "MESSAGE_POSTED", Map.of("messageId", messageId, "visibility", visibility));
		return new Posted(messageId, ticket.id(), state, null);
	}

	/** A message the system writes (automatic acknowledgement, a bounce note); published like any other. */
	@Transactional
	public long automatic(long ticketId, long authorId, String body, Visibility visibility, MessageKind kind) {
		Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId));
		Instant now = clock.instant();
		MessageKind stored = visibility == Visibility.INTERNAL ? null : kind;
		long messageId = screen.insertMessage(ticket, authorId, visibility, stored, body, Messages.State.SENT, now);
		ticket.recordEvent(EventType.MESSAGE, authorId, now, Ticket.data("visibility", visibility, "kind", stored, "messageId", messageId));
		tickets.update(ticket);
		events.publishEvent(new MessagePosted(ticket.id(), ticket.clientId(), messageId, authorId, false, visibility, stored, now));
		return messageId;
	}

	/** SPEC §1: a lead approves (the reply is sent now) or rejects a SUPERVISED agent's reply. */
	@Transactional
	public Messages.Message review(Caller caller, long messageId, boolean approve, String note) {
		Messages.Message message = messages.find(messageId).orElseThrow(() -> new NotFoundException("Message " + messageId));
		Ticket ticket = guard.visibleOwner(caller, message.ticketId(), "Message " + messageId);
		if (!guard.isStaffOn(caller, ticket)) {
			// a requester is shown only what was sent to them: a held reply or a note does not exist for them
			throw new NotFoundException("Message " + messageId);
		}
		if (!caller.canApproveRepliesOf(ticket.clientId())) {
			throw new ForbiddenException("Only a team lead or admin of this client approves held replies");
		}
		if (message.state() != Messages.State.HELD) {
			throw new ConflictException("state", "This reply is not waiting for approval; it is " + message.state());
		}
		var check = new InputCheck();
		String reviewNote = check.text(note, "note", 1000, !approve);
		check.throwIfInvalid();
		Instant now = clock.instant();
		messages.review(messageId, approve ? Messages.State.SENT : Messages.State.REJECTED, caller.userId(), reviewNote, now);
		if (approve) {
			sent(ticket, messageId, message.authorId(), Visibility.PUBLIC, message.kind(), now);
		}
		else {
			ticket.recordEvent(EventType.REPLY_REJECTED, caller.userId(), now, Ticket.data("messageId", messageId, "note", reviewNote));
		}
		tickets.update(ticket);
		if (approve) {
			events.publishEvent(new MessagePosted(ticket.id(), ticket.clientId(), messageId, message.authorId(), false,
					Visibility.PUBLIC, message.kind(), now));
		}
		audit(caller, ticket, approve ? "REPLY_APPROVED" : "REPLY_REJECTED", Map.of("messageId", messageId));
		return messages.find(messageId).orElseThrow();
	}

	/** Held replies the caller may decide on: of clients they approve for, on tickets within their grants (SPEC §1). */
	public List<Messages.Message> held(Caller caller) {
		List<Long> clients = access.clients().stream().map(c -> c.id()).filter(caller::canApproveRepliesOf).toList();
		return messages.held(clients, TicketVisibility.of(caller, access.clients(), null), 200);
	}

	private void sent(Ticket ticket, long messageId, long authorId, Visibility visibility, MessageKind kind, Instant at) {
		if (visibility == Visibility.PUBLIC) {
			ticket.agentReplied(authorId, at);
		}
		else {
			ticket.noteAdded(at);
		}
		ticket.recordEvent(EventType.MESSAGE, authorId, at, Ticket.data("visibility", visibility, "kind", kind, "messageId", messageId));
	}

	private void statusChanged(Ticket ticket, TicketStatus before, Instant at) {
		if (ticket.status() != before) {
			events.publishEvent(new TicketStatusChanged(ticket.id(), ticket.clientId(), before, ticket.status(), at));
		}
	}

	private void audit(Caller caller, Ticket ticket, String action, Map<String, Object> after) {
		events.publishEvent(new AuditEvent(ticket.clientId(), caller.userId(), caller.email(), action, ticket.id(), null, null, after));
	}
}
