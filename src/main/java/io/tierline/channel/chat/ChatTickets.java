package io.tierline.channel.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.ticket.Channel;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.Visibility;

import org.springframework.stereotype.Component;

/**
 * What a chat writes on tickets, through the ticket module's API: the visitor's lines as the
 * requester's messages, the agent's lines as substantive public replies (they stop the
 * first-response clock, SPEC §4), so the ticket holds the whole transcript.
 */
@Component
class ChatTickets {

	private final TicketManagement tickets;
	private final AccessManagement access;
	private final io.tierline.survey.SurveyManagement surveys;

	ChatTickets(TicketManagement tickets, AccessManagement access, io.tierline.survey.SurveyManagement surveys) {
		this.tickets = tickets;
		this.access = access;
		this.surveys = surveys;
	}

	/** Issue 9: the CSAT survey link shown at the end of a chat whose ticket was solved; null when there is none. */
	String surveyLink(Long ticketId) {
		return ticketId == null ? null : surveys.openSurveyLink(ticketId).orElse(null);
	}

	/** The CHAT ticket, opened when an agent accepts, carrying what the visitor wrote while waiting. */
	long openOnAcceptance(Chat chat, List<ChatLine> waited, Caller agent, Instant at) {
		Caller requester = requester(chat);
		String first = waited.isEmpty() ? "(the visitor wrote nothing before the chat was accepted)" : waited.get(0).body();
		// the ticket starts when the visitor asked, so the queue wait counts against chat first response (SPEC §4)
		long ticketId = tickets.openReceived(requester, newTicket(chat, subject("Chat: ", first), first, Channel.CHAT), Channel.CHAT,
				chat.requestedAt()).ticketId();
		waited.stream().skip(1).forEach(line -> tickets.post(requester, ref(ticketId), line.body(), Visibility.PUBLIC, null));
		tickets.assign(agent, ref(ticketId), agent.email()); // the agent who takes the chat owns its ticket
		long waitedSeconds = Duration.between(chat.requestedAt(), at).toSeconds();
		note(ticketId, "Live chat accepted by " + agent.name() + " after " + waitedSeconds + " s in the queue.");
		return ticketId;
	}

	void visitorLine(Chat chat, String body) {
		tickets.post(requester(chat), ref(chat.ticketId()), body, Visibility.PUBLIC, null);
	}

	void agentLine(Caller agent, Chat chat, String body) {
		tickets.post(agent, ref(chat.ticketId()), body, Visibility.PUBLIC, MessageKind.SUBSTANTIVE);
	}

	void ended(Chat chat, String by) {
		note(chat.ticketId(), "Live chat ended by the " + by + "; the transcript above is complete.");
	}

	/**
	 * The visitor's message when no agent took the chat: an EMAIL ticket (replies reach them by
	 * e-mail), its description the message followed by anything written while waiting.
	 */
	long leftMessage(Chat chat, List<ChatLine> waited, String message) {
		var text = new StringBuilder(message);
		if (!waited.isEmpty()) {
			text.append("\n\n--- Written in the chat while waiting for an agent ---");
			waited.forEach(line -> text.append('\n').append(line.body()));
		}
		return tickets.open(requester(chat), newTicket(chat, subject("", message), text.toString(), Channel.EMAIL),
				Channel.EMAIL, null).ticketId();
	}

	/** The ticket's reference as people read it, e.g. {@code ACME-1042}. */
	String number(long ticketId) {
		return tickets.find(ticketId).map(t -> t.number()).orElse(null);
	}

	String agentName(long agentId) {
		return access.user(agentId).name();
	}

	private Caller requester(Chat chat) {
		return access.callerFor(access.requesterFor(chat.clientId(), chat.visitorEmail(), chat.visitorName()).id());
	}

	private NewTicket newTicket(Chat chat, String subject, String description, Channel channel) {
		return new NewTicket(access.organization(chat.clientId()).slug(), null, subject, description, channel.name(), null, null,
				null, null, null, null, null);
	}

	private void note(long ticketId, String text) {
		tickets.postAutomatically(ticketId, access.automationUser().id(), text, Visibility.INTERNAL, null);
	}

	private static String subject(String prefix, String text) {
		String oneLine = text.strip().replaceAll("\\s+", " ");
		return prefix + (oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine);
	}

	private static String ref(long ticketId) {
		return String.valueOf(ticketId);
	}
}
