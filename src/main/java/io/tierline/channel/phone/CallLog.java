package io.tierline.channel.phone;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.channel.phone.PhoneInteractions.Facts;
import io.tierline.channel.phone.PhoneInteractions.Interaction;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;
import io.tierline.ticket.Visibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls an agent logs by hand on a ticket they work: an internal note and a CALL_LOGGED event, as
 * for a call the telephony system reports. Requesters neither log calls nor see the call log.
 */
@Service
class CallLog {

	private static final Pattern MM_SS = Pattern.compile("(?:(\\d{1,2}):)?(\\d{1,3}):([0-5]\\d)");

	/** A call as the form or the API hands it in; {@code duration} ({@code mm:ss}) or {@code durationSeconds}. */
	record ManualCall(String direction, String number, String duration, Integer durationSeconds, String recordingUrl,
			String notes) {
	}

	/** A call on the ticket's call log; {@code number} is the requester's end, {@code recordingUrl} and {@code agent} may be null. */
	record LoggedCall(long id, String source, String direction, String number, Instant startedAt, int durationSeconds,
			String duration, String recordingUrl, String agent) {

		static LoggedCall of(Interaction i) {
			int seconds = i.durationSeconds() == null ? 0 : i.durationSeconds();
			return new LoggedCall(i.id(), i.source(), i.direction(), i.remoteNumber(), i.startedAt(), seconds,
					CallNote.duration(seconds), i.recordingUrl(), i.agentEmail());
		}
	}

	private final TicketManagement tickets;
	private final PhoneInteractions interactions;
	private final AccessManagement access;
	private final Clock clock;

	CallLog(TicketManagement tickets, PhoneInteractions interactions, AccessManagement access, Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.interactions = interactions;
		this.clock = clock;
	}

	@Transactional
	public LoggedCall log(Caller caller, String ticketRef, ManualCall call) {
		TicketView ticket = staffTicket(caller, ticketRef);
		var check = new InputCheck();
		String direction = check.enumValue(call.direction(), Direction.class, "direction", Direction.INBOUND).name();
		String number = PhoneNumbers.normalise(call.number(), "number", check, true);
		Integer seconds = seconds(call, check);
		String recording = Payload.url(call.recordingUrl(), "recordingUrl", check);
		String notes = check.text(call.notes(), "notes", 20_000, false);
		check.throwIfInvalid();
		Instant now = clock.instant();
		boolean inbound = direction.equals("INBOUND");
		var facts = new CallNote.Call(direction, inbound ? number : null, inbound ? null : number, now.minusSeconds(seconds),
				seconds, recording, caller.email(), notes);
		long messageId = tickets.post(caller, ticketRef, CallNote.text(facts), Visibility.INTERNAL, null).messageId();
		tickets.recordEvent(caller, ticket.id(), EventType.CALL_LOGGED, CallNote.event(facts, "AGENT", null, messageId));
		long id = interactions.claim(clientOf(ticket), new Facts(Medium.CALL, "AGENT", null, direction, number, facts.from(),
				facts.to(), facts.startedAt(), seconds, recording, caller.userId(), caller.email()), now);
		interactions.landed(id, ticket.id(), messageId);
		return calls(caller, ticketRef).get(0);
	}

	/** The ticket's calls, newest first (at most 50). */
	public List<LoggedCall> calls(Caller caller, String ticketRef) {
		TicketView ticket = staffTicket(caller, ticketRef);
		return interactions.callsOf(ticket.id(), 50).stream().map(LoggedCall::of).toList();
	}

	/** Whether the caller may log calls on the ticket (not an auditor, nor an agent in SHADOW stage). */
	public boolean mayLog(Caller caller, String ticketRef) {
		TicketView ticket = staffTicket(caller, ticketRef);
		try {
			caller.requireMayChangeTicketsOf(clientOf(ticket));
			return true;
		}
		catch (ForbiddenException readOnly) {
			return false;
		}
	}

	/** A requester's own ticket exists for them, its call log does not. */
	private TicketView staffTicket(Caller caller, String ticketRef) {
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new NotFoundException("Call log of " + ticketRef);
		}
		return ticket;
	}

	private long clientOf(TicketView ticket) {
		return access.clientBySlug(ticket.client()).orElseThrow().id();
	}

	private static Integer seconds(ManualCall call, InputCheck check) {
		if (call.durationSeconds() != null) {
			check.require(call.durationSeconds() >= 0 && call.durationSeconds() <= 86_400, "durationSeconds",
					"must be from 0 to 86400");
			return call.durationSeconds();
		}
		Matcher m = call.duration() == null ? null : MM_SS.matcher(call.duration().strip());
		if (m == null || !m.matches()) {
			check.add("duration", "must be minutes and seconds, such as 12:05");
			return 0;
		}
		int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
		return hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
	}

	enum Direction {
		INBOUND, OUTBOUND
	}
}
