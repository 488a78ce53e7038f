package io.tierline.channel.email;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tierline.ticket.Channel;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.TicketEvents.MessagePosted;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketManagement.SentMessage;
import io.tierline.ticket.TicketView;
import io.tierline.ticket.Visibility;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A public reply by staff (or an automatic acknowledgement) on a ticket that lives in e-mail goes
 * to the requester: stored for the sender in the reply's own transaction, with its Message-ID
 * recorded at once so the requester's answer threads onto the ticket.
 */
@Component
class ReplyMailer {

	private final TicketManagement tickets;
	private final Mailboxes mailboxes;
	private final EmailThreads threads;
	private final OutboundMail outbound;

	ReplyMailer(TicketManagement tickets, Mailboxes mailboxes, EmailThreads threads, OutboundMail outbound) {
		this.tickets = tickets;
		this.mailboxes = mailboxes;
		this.threads = threads;
		this.outbound = outbound;
	}

	@EventListener
	void on(MessagePosted e) {
		if (e.byRequester() || e.visibility() != Visibility.PUBLIC) {
			return;
		}
		// from the address the requester wrote to, else the client's first mailbox
		Optional<Mailbox> mailbox = threads.mailboxOf(e.ticketId()).flatMap(mailboxes::find).filter(Mailbox::active)
			.or(() -> mailboxes.outgoingOf(e.clientId()));
		Optional<SentMessage> message = tickets.sentMessage(e.messageId());
		if (mailbox.isEmpty() || message.isEmpty()) {
			return;
		}
		TicketView ticket = tickets.find(e.ticketId()).orElseThrow();
		boolean inMail = ticket.channel() == Channel.EMAIL || threads.countOfTicket(ticket.id(), "IN") > 0;
		if (!inMail || !deliverable(ticket.requester().email())) {
			return;
		}
		send(mailbox.get(), ticket, message.get(), e);
	}

	private void send(Mailbox mailbox, TicketView ticket, SentMessage message, MessagePosted e) {
		List<String> thread = threads.thread(ticket.id());
		String messageId = "<tierline." + ticket.id() + "." + message.id() + "." + UUID.randomUUID().toString().substring(0, 8) + "@"
				+ domainOf(mailbox.address()) + ">";
		// the system's own acknowledgement (its author is the automation account), not an agent's "we are on it"
		boolean automatic = message.kind() == MessageKind.ACKNOWLEDGEMENT && message.authorEmail().endsWith(".invalid");
		outbound.add(mailbox.id(), ticket.id(), message.id(), ticket.requester().email(), subject(ticket, thread), message.body(),
				messageId, thread.isEmpty() ? null : thread.get(thread.size() - 1), thread.isEmpty() ? null : String.join(" ", thread),
				automatic, e.at());
		threads.record(mailbox.id(), e.clientId(), ticket.id(), messageId, "OUT", message.id(), null, e.at());
	}

	/** {@code [ACME-1042]} in the subject lets a reply find its ticket even when a mail client drops the headers. */
	static String subject(TicketView ticket, List<String> thread) {
		String tag = "[" + ticket.number() + "]";
		String subject = ticket.subject().contains(tag) ? ticket.subject() : tag + " " + ticket.subject();
		return thread.isEmpty() ? subject : "Re: " + subject;
	}

	private static boolean deliverable(String address) {
		return address != null && address.contains("@") && !address.endsWith(".invalid");
	}

	private static String domainOf(String address) {
		return address.substring(address.indexOf('@') + 1);
	}
}
