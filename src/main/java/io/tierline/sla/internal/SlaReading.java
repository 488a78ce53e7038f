package io.tierline.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.ForbiddenException;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Service;

/** A ticket's clocks as staff see them (requesters are not shown the provider's targets). */
@Service
public class SlaReading {

	private final SlaClocks clocks;
	private final ClockCalendars calendars;
	private final TicketManagement tickets;
	private final Clock clock;

	SlaReading(SlaClocks clocks, ClockCalendars calendars, TicketManagement tickets, Clock clock) {
		this.clocks = clocks;
		this.calendars = calendars;
		this.tickets = tickets;
		this.clock = clock;
	}

	/**
	 * One clock. {@code state} is RUNNING, PAUSED, MET or BREACHED (a breached clock may still run:
	 * {@code running}); {@code dueAt} is null while paused; {@code remaining} is negative when overdue.
	 */
	public record ClockView(long id, String clock, String state, boolean running, String tier, String channel, String severity,
			String target, boolean businessTime, Long calendar, Instant startedAt, Instant warnAt, Instant dueAt,
			String elapsed, String remaining, boolean warned, Instant breachedAt, Instant stoppedAt) {
	}

	public record TicketSla(String ticket, Instant at, List<ClockView> clocks) {
	}

	public TicketSla of(Caller caller, String ticketRef) {
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("SLA clocks are shown to the staff working the ticket");
		}
		Instant now = clock.instant();
		return new TicketSla(ticket.number(), now, clocks.ofTicket(ticket.id()).stream().map(c -> view(c, now)).toList());
	}

	private ClockView view(SlaClock c, Instant now) {
		var calendar = calendars.of(c);
		Duration elapsed = c.elapsedAt(calendar, c.state() == SlaClock.State.STOPPED ? c.stoppedAt() : now);
		return new ClockView(c.id(), c.kind().name(), c.displayState(), c.state() == SlaClock.State.RUNNING, c.tier().name(),
				c.channel().name(), c.severity().name(), c.target().toString(), c.businessTime(), c.calendarId(), c.startedAt(),
				c.warnAt(), c.dueAt(), elapsed.toString(), c.target().minus(elapsed).toString(), c.warned(), c.breachedAt(), c.stoppedAt());
	}
}
