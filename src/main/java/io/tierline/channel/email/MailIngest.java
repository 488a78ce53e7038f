package io.tierline.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.UserRef;
import io.tierline.common.InvalidInputException;
import io.tierline.ticket.Channel;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;
import io.tierline.ticket.Visibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a received mail becomes, in one transaction with the mailbox's new position: a new ticket,
 * a reply on its ticket (by References/In-Reply-To, else the number in the subject), a delivery
 * failure noted on the ticket it concerns, or a quarantined message. A Message-ID seen before is
 * a re-read and changes nothing.
 */
@Service
class MailIngest {

	enum Outcome {
		NEW_TICKET, REPLY, BOUNCE, DUPLICATE, QUARANTINED
	}

	record Result(Outcome outcome, Long ticketId, String reason) {
	}

	/** Runs after the mail is stored and before the commit; tests use it to crash there. */
	interface BeforeCommit {
		void run(Result result);
	}

	private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("\\[([A-Za-z][A-Za-z0-9]*)-(\\d{1,12})]");

	private final TicketManagement tickets;
	private final AccessManagement access;
	private final EmailThreads threads;
	private final MailQuarantine quarantine;
	private final SenderCounts senders;
	private final Clock clock;
	private volatile BeforeCommit beforeCommit = r -> {
	};

	MailIngest(TicketManagement tickets, AccessManagement access, EmailThreads threads, MailQuarantine quarantine, SenderCounts senders, Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.threads = threads;
		this.quarantine = quarantine;
		this.senders = senders;
		this.clock = clock;
	}

	void beforeCommit(BeforeCommit hook) {
		this.beforeCommit = hook == null ? r -> {
		} : hook;
	}

	/** One received message, {@code uid} its IMAP UID (null when retried from the quarantine). */
	@Transactional
	public Result ingest(Mailbox mailbox, byte[] raw, Long uid) {
		Result result = store(mailbox, raw, uid, true);
		beforeCommit.run(result);
		return result;
	}

	/** A quarantined mail an admin let through: the sender's rate limit no longer applies (the admin decided). */
	@Transactional
	public Result retry(Mailbox mailbox, byte[] raw) {
		return store(mailbox, raw, null, false);
	}

	private Result store(Mailbox mailbox, byte[] raw, Long uid, boolean limitSenders) {
		Instant now = clock.instant();
		InboundMail mail;
		try {
			mail = MailParser.parse(raw);
		}
		catch (MailParser.UnreadableMail unreadable) {
			MailParser.Envelope envelope = MailParser.envelope(raw);
			if (envelope.messageId() != null && quarantine.holds(mailbox.id(), envelope.messageId())) {
				return new Result(Outcome.DUPLICATE, null, "held already");
			}
			return held(mailbox, uid, envelope.messageId(), envelope.sender(), envelope.subject(), unreadable.getMessage(), raw, now);
		}
		if (threads.known(mailbox.clientId(), mail.messageId()) || quarantine.holds(mailbox.id(), mail.messageId())) {
			return new Result(Outcome.DUPLICATE, threads.ticketOf(mailbox.clientId(), List.of(mail.messageId())).orElse(null), null);
		}
		if (mail.fromAddress().equalsIgnoreCase(mailbox.address())) {
			return held(mailbox, uid, mail, "sent from the support address itself (a mail loop)", raw, now);
		}
		int sent = limitSenders ? senders.count(mailbox.id(), mail.fromAddress(), now) : 0;
		if (sent > mailbox.senderHourlyLimit()) {
			return held(mailbox, uid, mail, "more than " + mailbox.senderHourlyLimit() + " messages from " + mail.fromAddress()
					+ " within an hour (a mail loop?)", raw, now);
		}
		if (mail.deliveryReport()) {
			return bounce(mailbox, mail, raw, uid, now);
		}
		Optional<Long> thread = threads.ticketOf(mailbox.clientId(), threadIds(mail)).or(() -> bySubject(mailbox, mail));
		return thread.isPresent() ? reply(mailbox, mail, thread.get(), uid, now) : newTicket(mailbox, mail, uid, now);
	}

	private Result newTicket(Mailbox mailbox, InboundMail mail, Long uid, Instant now) {
		ClientRef client = access.organization(mailbox.clientId());
		UserRef requester = access.requesterFor(client.id(), mail.fromAddress(), mail.fromName());
		Caller caller = access.callerFor(requester.id());
		String subject = mail.subject() == null ? "(no subject)" : mail.subject();
		String body = mail.text().isBlank() ? "(no text)" : mail.text();
		long ticketId = tickets.open(caller, new NewTicket(client.slug(), null, subject, body, Channel.EMAIL.name(), null, null, null,
				null, null, null, null), Channel.EMAIL, null).ticketId();
		threads.record(mailbox.id(), client.id(), ticketId, mail.messageId(), "IN", null, uid, now);
		attach(caller, ticketId, mail);
		// RFC 3834: never answer machines or lists automatically
		if (mailbox.autoAcknowledge() && !mail.autoSubmitted() && !mail.bulk()) {
			TicketView ticket = tickets.find(ticketId).orElseThrow();
			tickets.postAutomatically(ticketId, access.automationUser().id(), "Thank you for your message. We have received it as "
					+ ticket.number() + " and will answer you soon. Please keep " + ticket.number()
					+ " in the subject when you write about it.", Visibility.PUBLIC, MessageKind.ACKNOWLEDGEMENT);
		}
		return new Result(Outcome.NEW_TICKET, ticketId, null);
	}

	private Result reply(Mailbox mailbox, InboundMail mail, long ticketId, Long uid, Instant now) {
		TicketView ticket = tickets.find(ticketId).orElseThrow();
		String body = mail.text().isBlank() ? "(no text)" : mail.text();
		long landedOn = ticketId;
		if (ticket.requester().email().equalsIgnoreCase(mail.fromAddress())) {
			Caller caller = access.callerFor(access.userByEmail(mail.fromAddress()).orElseThrow().id());
			var posted = tickets.post(caller, String.valueOf(ticketId), body, Visibility.PUBLIC, null);
			landedOn = posted.followUpTicketId() != null ? posted.followUpTicketId() : ticketId;
			attach(caller, landedOn, mail);
		}
		else {
			// someone else on the thread (a colleague in Cc): the agents see it; it does not count as the requester's reply
			tickets.postAutomatically(ticketId, access.automationUser().id(), "E-mail from " + mail.fromAddress()
					+ " (not the requester):\n\n" + body, Visibility.INTERNAL, null);
		}
		threads.record(mailbox.id(), mailbox.clientId(), landedOn, mail.messageId(), "IN", null, uid, now);
		return new Result(landedOn == ticketId ? Outcome.REPLY : Outcome.NEW_TICKET, landedOn, null);
	}

	/** A delivery failure belongs to the ticket whose mail bounced, as a note; it never opens a ticket. */
	private Result bounce(Mailbox mailbox, InboundMail mail, byte[] raw, Long uid, Instant now) {
		List<String> ids = new ArrayList<>(threadIds(mail));
		if (mail.reportedMessageId() != null) {
			ids.add(mail.reportedMessageId());
		}
		Optional<Long> ticket = threads.ticketOf(mailbox.clientId(), ids);
		if (ticket.isEmpty()) {
			return held(mailbox, uid, mail, "a delivery failure report for a message Tierline did not send", raw, now);
		}
		long author = access.automationUser().id();
		long note = tickets.postAutomatically(ticket.get(), author, "Delivery failed: a reply from this ticket did not reach "
				+ "the requester.\n\n" + (mail.deliveryStatus() == null ? mail.text() : mail.deliveryStatus()), Visibility.INTERNAL, null);
		threads.record(mailbox.id(), mailbox.clientId(), ticket.get(), mail.messageId(), "IN", note, uid, now);
		return new Result(Outcome.BOUNCE, ticket.get(), null);
	}

	private Optional<Long> bySubject(Mailbox mailbox, InboundMail mail) {
		if (mail.subject() == null) {
			return Optional.empty();
		}
		ClientRef client = access.organization(mailbox.clientId());
		Matcher m = NUMBER_IN_SUBJECT.matcher(mail.subject());
		while (m.find()) {
			if (m.group(1).equalsIgnoreCase(client.ticketPrefix())) {
				Optional<TicketView> ticket = tickets.findByNumber(client.id(), Long.parseLong(m.group(2)));
				if (ticket.isPresent()) {
					return Optional.of(ticket.get().id());
				}
			}
		}
		return Optional.empty();
	}

	private static List<String> threadIds(InboundMail mail) {
		List<String> ids = new ArrayList<>(mail.references());
		if (mail.inReplyTo() != null) {
			ids.add(mail.inReplyTo());
		}
		return ids;
	}

	/** Each part as a ticket attachment; one refused (an executable) is noted, not fatal. */
	private void attach(Caller caller, long ticketId, InboundMail mail) {
		List<String> refused = new ArrayList<>();
		for (InboundMail.Part part : mail.attachments()) {
			try {
				tickets.attach(caller, String.valueOf(ticketId), null, part.filename(), new ByteArrayInputStream(part.content()));
			}
			catch (InvalidInputException e) {
				refused.add(part.filename() + ": " + e.problems().get(0).message());
			}
			catch (IOException e) {
				refused.add(part.filename() + ": " + e.getMessage());
			}
		}
		if (!refused.isEmpty()) {
			tickets.postAutomatically(ticketId, access.automationUser().id(), "Attachments of the e-mail not kept:\n- "
					+ String.join("\n- ", refused), Visibility.INTERNAL, null);
		}
	}

	private Result held(Mailbox mailbox, Long uid, InboundMail mail, String reason, byte[] raw, Instant now) {
		return held(mailbox, uid, mail == null ? null : mail.messageId(), mail == null ? null : mail.fromAddress(),
				mail == null ? null : mail.subject(), reason, raw, now);
	}

	private Result held(Mailbox mailbox, Long uid, String messageId, String sender, String subject, String reason, byte[] raw,
			Instant now) {
		quarantine.hold(mailbox, uid, messageId, sender, subject, reason, raw, now);
		return new Result(Outcome.QUARANTINED, null, reason);
	}
}
