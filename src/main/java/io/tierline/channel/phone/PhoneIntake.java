package io.tierline.channel.phone;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.UserRef;
import io.tierline.channel.phone.PhoneInteractions.Facts;
import io.tierline.channel.phone.PhoneInteractions.Interaction;
import io.tierline.ticket.Channel;
import io.tierline.ticket.EventType;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;
import io.tierline.ticket.Visibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed call or SMS becomes, in one transaction: a note or message on the ticket it names
 * (of the same client only), else on the open ticket this number last reached, else a new ticket
 * with the caller as requester. A delivery seen before (same callId or messageId) changes nothing
 * and answers the ticket it reached the first time.
 */
@Service
class PhoneIntake {

	enum Outcome {
		NEW_TICKET, ADDED_TO_TICKET, DUPLICATE
	}

	record Landing(long ticketId, String ticket, Outcome outcome) {
	}

	private final TicketManagement tickets;
	private final AccessManagement access;
	private final PhoneInteractions interactions;
	private final Clock clock;

	PhoneIntake(TicketManagement tickets, AccessManagement access, PhoneInteractions interactions, Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.interactions = interactions;
		this.clock = clock;
	}

	@Transactional
	public Landing call(ClientRef client, CallReport call) {
		Optional<Interaction> earlier = interactions.byExternalId(client.id(), Medium.CALL, call.callId());
		if (earlier.isPresent()) {
			return duplicate(earlier.get());
		}
		long claim = interactions.claim(client.id(), new Facts(Medium.CALL, "WEBHOOK", call.callId(), call.direction(),
				call.remoteNumber(), call.from(), call.to(), call.startedAt(), call.durationSeconds(), call.recordingUrl(), null,
				call.agentEmail()), clock.instant());
		UserRef requester = requester(client, call.remoteNumber());
		Optional<TicketView> target = TicketRef.find(tickets, client, call.ticket())
			.or(() -> openTicketOf(client, call.remoteNumber(), requester));
		long ticketId = target.map(TicketView::id).orElseGet(() -> open(client, requester, Channel.PHONE,
				("INBOUND".equals(call.direction()) ? "Call from " : "Call to ") + call.remoteNumber(), null));
		var facts = new CallNote.Call(call.direction(), call.from(), call.to(), call.startedAt(), call.durationSeconds(),
				call.recordingUrl(), call.agentEmail(), withUnmatched(call.notes(), client, call.ticket(), target));
		long automation = access.automationUser().id();
		long messageId = tickets.postAutomatically(ticketId, automation, CallNote.text(facts), Visibility.INTERNAL, null);
		tickets.recordEvent(system(), ticketId, EventType.CALL_LOGGED,
				CallNote.event(facts, "WEBHOOK", call.callId(), messageId));
		interactions.landed(claim, ticketId, messageId);
		return landing(ticketId, target.isPresent() ? Outcome.ADDED_TO_TICKET : Outcome.NEW_TICKET);
	}

	@Transactional
	public Landing sms(ClientRef client, SmsReport sms) {
		Optional<Interaction> earlier = interactions.byExternalId(client.id(), Medium.SMS, sms.messageId());
		if (earlier.isPresent()) {
			return duplicate(earlier.get());
		}
		long claim = interactions.claim(client.id(), new Facts(Medium.SMS, "WEBHOOK", sms.messageId(), "INBOUND", sms.from(),
				sms.from(), sms.to(), sms.receivedAt(), null, null, null, null), clock.instant());
		UserRef requester = requester(client, sms.from());
		Optional<TicketView> target = TicketRef.find(tickets, client, sms.ticket())
			.or(() -> openTicketOf(client, sms.from(), requester));
		long ticketId;
		Long messageId = null;
		if (target.isEmpty()) {
			ticketId = open(client, requester, Channel.SMS, "SMS from " + sms.from(), sms.text());
		}
		else if (target.get().requester().email().equalsIgnoreCase(requester.email())) {
			var posted = tickets.post(access.callerFor(requester.id()), String.valueOf(target.get().id()), sms.text(),
					Visibility.PUBLIC, null);
			ticketId = posted.ticketId();
			messageId = posted.messageId();
		}
		else {
			// a colleague texting about someone else's ticket: agents see it, it is not the requester's reply
			ticketId = target.get().id();
			messageId = tickets.postAutomatically(ticketId, access.automationUser().id(), "SMS from " + sms.from()
					+ " (not the requester):\n\n" + sms.text(), Visibility.INTERNAL, null);
		}
		tickets.recordEvent(system(), ticketId, EventType.SMS_RECEIVED,
				smsEvent(sms, messageId));
		interactions.landed(claim, ticketId, messageId);
		return landing(ticketId, target.isPresent() && target.get().id() == ticketId ? Outcome.ADDED_TO_TICKET : Outcome.NEW_TICKET);
	}

	/**
	 * The automation account as the actor of the events a webhook causes. It cannot sign in, so it
	 * has no session caller to load; it is given no rights, and recording an event needs none.
	 */
	private Caller system() {
		UserRef automation = access.automationUser();
		return new Caller(automation.id(), automation.email(), automation.name(), automation.orgId(), Set.of(), List.of(), Map.of(),
				Set.of());
	}

	/** A person known by phone only, filed under a placeholder address (see {@link PhoneNumbers#placeholderEmail}). */
	private UserRef requester(ClientRef client, String number) {
		return access.requesterFor(client.id(), PhoneNumbers.placeholderEmail(number, client.slug()), number);
	}

	/** The newest still open ticket this person raised by phone or SMS. */
	private Optional<TicketView> openTicketOf(ClientRef client, String number, UserRef requester) {
		return interactions.recentTickets(client.id(), number, 5).stream().distinct()
			.map(tickets::find).flatMap(Optional::stream)
			.filter(t -> t.status().isActive() && t.requester().email().equalsIgnoreCase(requester.email()))
			.findFirst();
	}

	private long open(ClientRef client, UserRef requester, Channel channel, String subject, String description) {
		Caller caller = access.callerFor(requester.id());
		return tickets.open(caller, new NewTicket(client.slug(), null, subject, description, channel.name(), null, null, null, null,
				null, null, null), channel, null).ticketId();
	}

	/** Tells the agents when the telephony system named a ticket that is not this client's. */
	private static String withUnmatched(String notes, ClientRef client, String ref, Optional<TicketView> target) {
		if (ref == null || (target.isPresent() && target.get().number().equalsIgnoreCase(numbered(client, ref)))) {
			return notes;
		}
		String unmatched = "(The telephony system named ticket " + ref + ", which is not a ticket of " + client.name() + ".)";
		return notes == null ? unmatched : notes + "\n\n" + unmatched;
	}

	private static String numbered(ClientRef client, String ref) {
		return ref.contains("-") ? ref.strip() : client.ticketPrefix() + "-" + ref.strip();
	}

	private static Map<String, Object> smsEvent(SmsReport sms, Long messageId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("source", "WEBHOOK");
		data.put("smsId", sms.messageId());
		data.put("from", sms.from());
		data.put("to", sms.to());
		data.put("receivedAt", sms.receivedAt().toString());
		if (messageId != null) {
			data.put("messageId", messageId);
		}
		return data;
	}

	private Landing duplicate(Interaction earlier) {
		return landing(earlier.ticketId(), Outcome.DUPLICATE);
	}

	private Landing landing(long ticketId, Outcome outcome) {
		return new Landing(ticketId, tickets.find(ticketId).orElseThrow().number(), outcome);
	}
}
