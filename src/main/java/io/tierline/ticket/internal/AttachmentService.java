package io.tierline.ticket.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.NotFoundException;
import io.tierline.ticket.EventType;
import io.tierline.ticket.Visibility;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding and reading ticket attachments with the same access rules as the thread. */
@Service
public class AttachmentService {

	private final Attachments attachments;
	private final Messages messages;
	private final Tickets tickets;
	private final TicketGuard guard;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AttachmentService(Attachments attachments, Messages messages, Tickets tickets, TicketGuard guard,
			ApplicationEventPublisher events, Clock clock) {
		this.attachments = attachments;
		this.messages = messages;
		this.tickets = tickets;
		this.guard = guard;
		this.events = events;
		this.clock = clock;
	}

	/** A refused file (checked before anything is written) leaves a caller's surrounding transaction usable. */
	@Transactional(noRollbackFor = io.tierline.common.InvalidInputException.class)
	public Attachments.Attachment add(Caller caller, String ticketRef, Long messageId, String filename, InputStream content)
			throws IOException {
		Ticket ticket = guard.visible(caller, ticketRef);
		boolean staff = guard.isStaffOn(caller, ticket);
		if (staff) {
			caller.requireMayChangeTicketsOf(ticket.clientId());
		}
		if (messageId != null) {
			var message = messages.find(messageId).filter(m -> m.ticketId() == ticket.id())
				.orElseThrow(() -> io.tierline.common.InvalidInputException.of("messageId", "is not a message of this ticket"));
			if (!staff && message.authorId() != caller.userId()) {
				throw new ForbiddenException("You can attach files only to your own messages");
			}
		}
		Attachments.Stored stored = attachments.store(content, filename);
		Instant now = clock.instant();
		long id = attachments.insert(ticket.id(), messageId, stored, caller.userId(), now);
		ticket.recordEvent(EventType.ATTACHMENT_ADDED, caller.userId(), now,
				Ticket.data("attachmentId", id, "filename", stored.filename(), "sizeBytes", stored.sizeBytes()));
		SecretScreen.record(ticket, stored.masked(), "attachment", "attachmentId", id, caller.userId(), now);
		tickets.update(ticket);
		events.publishEvent(new AuditEvent(ticket.clientId(), caller.userId(), caller.email(), "ATTACHMENT_ADDED", ticket.id(),
				"attachment:" + id, null, Map.of("filename", stored.filename(), "sha256", stored.sha256())));
		return attachments.find(id).orElseThrow();
	}

	/** A requester reads attachments of what was sent to them, never those of internal notes. */
	@Transactional
	public Attachments.Attachment readable(Caller caller, long attachmentId) {
		Attachments.Attachment attachment = attachments.find(attachmentId)
			.orElseThrow(() -> new NotFoundException("Attachment " + attachmentId));
		Ticket ticket = guard.visibleOwner(caller, attachment.ticketId(), "Attachment " + attachmentId);
		if (!guard.isStaffOn(caller, ticket) && attachment.messageId() != null) {
			var message = messages.find(attachment.messageId()).orElseThrow();
			if (message.visibility() == Visibility.INTERNAL || message.state() != Messages.State.SENT) {
				throw new NotFoundException("Attachment " + attachmentId);
			}
		}
		events.publishEvent(new AuditEvent(ticket.clientId(), caller.userId(), caller.email(), "ATTACHMENT_DOWNLOADED",
				ticket.id(), "attachment:" + attachmentId, null, null));
		return attachment;
	}

	public InputStream open(Attachments.Attachment attachment) throws IOException {
		return attachments.open(attachment);
	}
}
