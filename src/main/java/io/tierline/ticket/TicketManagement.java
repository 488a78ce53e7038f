package io.tierline.ticket;

import java.util.Optional;

import io.tierline.access.Caller;
import io.tierline.common.Tier;
import io.tierline.ticket.internal.Conversation;
import io.tierline.ticket.internal.TicketIntake;
import io.tierline.ticket.internal.TicketQueries;
import io.tierline.ticket.internal.TicketReading;
import io.tierline.ticket.internal.TicketStaffView;
import io.tierline.ticket.internal.TicketTiers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The ticket module's API for other modules (channels, import, demo data): open a ticket as a
 * caller and read it back.
 */
@Service
public class TicketManagement {

	private final TicketIntake intake;
	private final TicketQueries queries;
	private final TicketReading reading;
	private final TicketTiers tiers;
	private final Conversation conversation;
	private final TicketStaffView staffView;
	private final io.tierline.ticket.internal.AttachmentService attachments;
	private final io.tierline.ticket.internal.Tickets tickets;
	private final io.tierline.ticket.internal.Messages messages;
	private final io.tierline.ticket.internal.TicketChanges changes;

	private final io.tierline.ticket.internal.TicketFeedback feedback;

	TicketManagement(io.tierline.ticket.internal.TicketFeedback feedback, TicketIntake intake, TicketQueries queries, TicketReading reading, TicketTiers tiers,
			Conversation conversation, TicketStaffView staffView, io.tierline.ticket.internal.AttachmentService attachments,
			io.tierline.ticket.internal.Tickets tickets, io.tierline.ticket.internal.Messages messages,
			io.tierline.ticket.internal.TicketChanges changes) {
		this.feedback = feedback;
		this.messages = messages;
		this.changes = changes;
		this.tickets = tickets;
		this.attachments = attachments;
		this.intake = intake;
		this.queries = queries;
		this.reading = reading;
		this.tiers = tiers;
		this.conversation = conversation;
		this.staffView = staffView;
	}

	/**
	 * Opens a ticket for the caller. With an idempotency key (may be null) a retry returns the
	 * first attempt's ticket; a concurrent retry waits for it rather than writing a duplicate.
	 */
	public OpenedTicket open(Caller caller, NewTicket ticket, Channel defaultChannel, String idempotencyKey) {
		try {
			return intake.open(caller, ticket, defaultChannel, idempotencyKey);
		}
		catch (DuplicateKeyException concurrentRetry) {
			if (idempotencyKey == null) {
				throw concurrentRetry;
			}
			return intake.open(caller, ticket, defaultChannel, idempotencyKey);
		}
	}

	/** Without access checks: for system work only. */
	/** A ticket whose requester made contact at {@code receivedAt} (earlier than now): it and its SLA clocks start then. */
	public OpenedTicket openReceived(Caller caller, NewTicket ticket, Channel defaultChannel, java.time.Instant receivedAt) {
		return intake.open(caller, ticket, defaultChannel, null, receivedAt);
	}

	/** Assigns the ticket to an agent who may work it, under the same rules as the ticket page. */
	public void assign(Caller caller, String ticketRef, String assigneeEmail) {
		changes.apply(caller, ticketRef, new io.tierline.ticket.internal.TicketChanges.Change(null, null, true, assigneeEmail, null, null));
	}

	/**
	 * Routing's assignment (no caller): the ASSIGNED event carries {@code because}, e.g.
	 * {@code reason: "round robin"}. {@code agentId} null unassigns.
	 *
	 * @return false when the ticket is no longer active (solved, closed) and was left as it is
	 */
	public boolean assignAutomatically(long ticketId, Long agentId, java.util.Map<String, Object> because) {
		return changes.assignAutomatically(ticketId, agentId, because);
	}

	/**
	 * Records the requester's CSAT answer given through a signed survey link (the survey module
	 * checked the link; no login). {@code comment} may be null; {@code changed}: it replaces an
	 * earlier answer to the same solve. Invalid score or comment: {@link io.tierline.common.InvalidInputException}.
	 */
	public void answerSurvey(long ticketId, int solveNumber, Integer score, String comment, Tier tierOfResolution, boolean changed) {
		feedback.answerSurvey(ticketId, solveNumber, score, comment, tierOfResolution, changed);
	}

	/** How many times the ticket has been solved (1 after its first solve, 2 after a reopen and a second solve). */
	public int solveNumber(long ticketId) {
		return feedback.solveNumber(ticketId);
	}

	/**
	 * Changes fields under the same rules as the ticket page (e.g. a macro's scripted changes);
	 * a null argument leaves that field, {@code tags} replaces the tags.
	 */
	public void change(Caller caller, String ticketRef, String status, String severity, String category,
			java.util.List<String> tags) {
		changes.apply(caller, ticketRef, new io.tierline.ticket.internal.TicketChanges.Change(status, severity, false, null, category, tags));
	}

	/** Category, queue and/or severity a triage suggestion writes onto a ticket; a null field stays as it is. */
	public record TriageFields(Long categoryId, String category, Long queueId, String queue, Severity severity) {
	}

	/**
	 * Writes a triage suggestion onto the ticket (SPEC §6), each change a ticket event.
	 * {@code actorId} is null when applied automatically, else the agent who accepted it; the
	 * triage module checked their rights. {@code because} goes into the queue change's data.
	 */
	@org.springframework.transaction.annotation.Transactional
	public void applyTriage(long ticketId, TriageFields fields, Long actorId, java.time.Instant at,
			java.util.Map<String, Object> because) {
		var ticket = tickets.find(ticketId).orElseThrow(() -> new io.tierline.common.NotFoundException("Ticket " + ticketId));
		if (fields.severity() != null) {
			ticket.changeSeverity(fields.severity(), actorId, at);
		}
		if (fields.categoryId() != null) {
			ticket.changeCategory(fields.categoryId(), fields.category(), actorId, at);
		}
		if (fields.queueId() != null) {
			ticket.moveToQueue(fields.queueId(), fields.queue(), actorId, at, because);
		}
		tickets.update(ticket);
	}

	public Optional<TicketView> find(long ticketId) {
		return queries.view(ticketId);
	}

	/** The client's ticket with this number ({@code 1042} of ACME-1042), without access checks: for system work only. */
	public Optional<TicketView> findByNumber(long clientId, long number) {
		return tickets.findByNumber(clientId, number).flatMap(t -> queries.view(t.id()));
	}

	/**
	 * The ticket as the caller may see it, or {@link io.tierline.common.NotFoundException} exactly
	 * as for a ticket that does not exist. Not recorded as a view (the caller acts on it).
	 */
	public TicketView visible(Caller caller, String ref) {
		return reading.get(caller, ref, false);
	}

	/** Whether the caller works this ticket as staff (an agent of its client or an admin), not as its requester. */
	public boolean isStaffOn(Caller caller, TicketView ticket) {
		return staffView.isStaffOn(caller, ticket.id());
	}

	/** The tickets the caller sees as staff, to join other modules' rows to. */
	public TicketScope staffScope(Caller caller) {
		return staffView.scope(caller);
	}

	/**
	 * Moves the ticket up a tier (SPEC §3), recording ESCALATED with {@code details}. The ticket
	 * refuses to go down or to skip a tier unless {@code mayskipTiers}; with {@code holdForVendor}
	 * it waits ON_HOLD.
	 */
	public void escalate(Caller caller, long ticketId, Tier to, boolean mayskipTiers, boolean holdForVendor,
			java.util.Map<String, Object> details) {
		tiers.escalate(caller, ticketId, to, mayskipTiers, holdForVendor, details);
	}

	/** Records ESCALATION_DECIDED; a return (accepted false) puts the ticket back at {@code backTo}. */
	public void escalationDecided(Caller caller, long ticketId, boolean accepted, Tier backTo, boolean reopenFromHold,
			java.util.Map<String, Object> details) {
		tiers.decided(caller, ticketId, accepted, backTo, reopenFromHold, details);
	}

	/** Records a fact another module established about the ticket; the caller's rights are that module's check. */
	public void recordEvent(Caller caller, long ticketId, EventType type, java.util.Map<String, Object> data) {
		tiers.record(caller, ticketId, type, data, null);
	}

	/** As {@link #recordEvent}, moving the ticket to {@code newStatus} in the same change (e.g. a vendor resolved it). */
	public void recordEvent(Caller caller, long ticketId, EventType type, java.util.Map<String, Object> data,
			TicketStatus newStatus) {
		tiers.record(caller, ticketId, type, data, newStatus);
	}

	/** A substantive public reply by the caller, under the same rules as the ticket page (SUPERVISED replies are held). */
	public PublicReply replyPublicly(Caller caller, String ticketRef, String body) {
		var posted = conversation.post(caller, ticketRef, new Conversation.Post(body, "PUBLIC", "SUBSTANTIVE", null));
		return new PublicReply(posted.messageId(), posted.state() == io.tierline.ticket.internal.Messages.State.HELD);
	}

	/**
	 * A message by the caller under the same rules as the ticket page: a requester's reply (which
	 * may reopen the ticket or open a follow-up), or staff's reply or note. {@code kind} may be null
	 * (SUBSTANTIVE for a public reply).
	 */
	public PostedMessage post(Caller caller, String ticketRef, String body, Visibility visibility, MessageKind kind) {
		var posted = conversation.post(caller, ticketRef, new Conversation.Post(body, visibility.name(), kind == null ? null : kind.name(), null));
		return new PostedMessage(posted.messageId(), posted.ticketId(), posted.state() == io.tierline.ticket.internal.Messages.State.HELD,
				posted.followUpTicketId());
	}

	/** @param followUpTicketId the ticket a late reply opened (may be null); {@code ticketId} is where the message is */
	public record PostedMessage(long messageId, long ticketId, boolean held, Long followUpTicketId) {
	}

	/**
	 * A message the system writes on its own (an automatic acknowledgement, a delivery failure
	 * note), authored by {@code authorId}; no access check: for channel adapters.
	 */
	public long postAutomatically(long ticketId, long authorId, String body, Visibility visibility, MessageKind kind) {
		return conversation.automatic(ticketId, authorId, body, visibility, kind);
	}

	/** A file on the ticket, as the caller (a requester on their own ticket, or staff), tied to a message when given. */
	public long attach(Caller caller, String ticketRef, Long messageId, String filename, java.io.InputStream content)
			throws java.io.IOException {
		return attachments.add(caller, ticketRef, messageId, filename, content).id();
	}

	/** @param held the reply waits for a lead's approval (the author is SUPERVISED) */
	public record PublicReply(long messageId, boolean held) {
	}

	/** Subject, description and the newest messages (internal notes included), for matching against signatures. */
	public String textOf(long ticketId, int maxChars) {
		return staffView.text(ticketId, maxChars);
	}

	/** One message as sent (null when unknown or not yet released by a lead), for channel adapters that deliver it. */
	public Optional<SentMessage> sentMessage(long messageId) {
		return messages.find(messageId)
			.filter(m -> m.state() == io.tierline.ticket.internal.Messages.State.SENT)
			.map(m -> new SentMessage(m.id(), m.ticketId(), m.authorEmail(), m.authorName(), m.visibility(), m.kind(), m.body(),
					m.createdAt()));
	}

	/** @param kind may be null (a requester's message or a note) */
	public record SentMessage(long id, long ticketId, String authorEmail, String authorName, Visibility visibility, MessageKind kind,
			String body, java.time.Instant createdAt) {
	}
}
