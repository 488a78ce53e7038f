package io.tierline.ticket.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.AuditEvent;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketEvents.CsatGiven;
import io.tierline.ticket.TicketStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two facts SPEC §7 measures people by that the ticket itself does not show: the requester's
 * satisfaction after a solve (CSAT, 1–5, once per solve) and the minutes an agent logs, at the
 * tier the ticket is at when they log them.
 */
@Service
public class TicketFeedback {

	public static final int MAX_MINUTES = 24 * 60;

	private final Tickets tickets;
	private final TicketGuard guard;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	TicketFeedback(Tickets tickets, TicketGuard guard, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.guard = guard;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The requester rates the answer of a solved (or closed) ticket; one rating per solve. */
	@Transactional
	public void rate(Caller caller, String ticketRef, Integer score, String comment) {
		Ticket ticket = guard.visible(caller, ticketRef);
		if (ticket.requesterId() != caller.userId()) {
			throw new ForbiddenException("Only the requester rates a ticket");
		}
		var check = new InputCheck();
		check.require(score != null && score >= 1 && score <= 5, "score", "must be a whole number from 1 to 5");
		String text = check.text(comment, "comment", 2000, false);
		check.throwIfInvalid();
		if (ticket.status() != TicketStatus.SOLVED && ticket.status() != TicketStatus.CLOSED) {
			throw new ConflictException("status", "A ticket is rated once it is solved");
		}
		if (ratedSinceLastSolve(ticket.id())) {
			throw new ConflictException("score", "This solve has been rated already");
		}
		Instant now = clock.instant();
		int solve = solveNumber(ticket.id());
		// issue 9: the CSAT event carries the tier of resolution and which solve it answers
		ticket.recordEvent(EventType.CSAT, caller.userId(), now, Ticket.data("score", score, "comment", text, "tier", ticket.tier(),
				"solve", solve, "via", "PORTAL"));
		tickets.update(ticket);
		events.publishEvent(new CsatGiven(ticket.id(), ticket.clientId(), caller.userId(), solve, score, text, ticket.tier(), false, now));
		events.publishEvent(new AuditEvent(ticket.clientId(), caller.userId(), caller.email(), "CSAT_GIVEN", ticket.id(), null, null,
				Map.of("score", score)));
	}

	/**
	 * The requester's answer through a signed survey link (no login): the survey module checked the
	 * link. {@code changed}: it replaces an earlier answer to the same solve, within the survey window.
	 */
	@Transactional
	public void answerSurvey(long ticketId, int solve, Integer score, String comment, io.tierline.common.Tier tierOfResolution,
			boolean changed) {
		Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new io.tierline.common.NotFoundException("Ticket " + ticketId));
		var check = new InputCheck();
		check.require(score != null && score >= 1 && score <= 5, "score", "must be a whole number from 1 to 5");
		String text = check.text(comment, "comment", 2000, false);
		check.throwIfInvalid();
		Instant now = clock.instant();
		ticket.recordEvent(EventType.CSAT, ticket.requesterId(), now, Ticket.data("score", score, "comment", text, "tier",
				tierOfResolution, "solve", solve, "via", "SURVEY", "changed", changed ? Boolean.TRUE : null));
		tickets.update(ticket);
		events.publishEvent(new CsatGiven(ticket.id(), ticket.clientId(), ticket.requesterId(), solve, score, text, tierOfResolution,
				changed, now));
		events.publishEvent(new AuditEvent(ticket.clientId(), ticket.requesterId(), "survey link", changed ? "CSAT_CHANGED" : "CSAT_GIVEN",
				ticket.id(), null, null, Map.of("score", score, "solve", solve)));
	}

	/** How many times the ticket has been solved so far (1 after the first solve). */
	public int solveNumber(long ticketId) {
		return jdbc.sql("select count(*) from ticket_events where ticket_id = ? and type = 'STATUS' and data like '%\"status\":\"SOLVED\"%'")
			.param(ticketId).query(Integer.class).single();
	}

	/** Whether the requester may rate now: solved or closed, and not yet rated since the last solve. */
	public boolean mayRate(Caller caller, long ticketId) {
		Ticket ticket = guard.visible(caller, ticketId);
		return ticket.requesterId() == caller.userId()
				&& (ticket.status() == TicketStatus.SOLVED || ticket.status() == TicketStatus.CLOSED) && !ratedSinceLastSolve(ticketId);
	}

	/** Staff log the minutes they spent; they count for the tier the ticket is at now (AHT by tier). */
	@Transactional
	public void logTime(Caller caller, String ticketRef, Integer minutes, String note) {
		Ticket ticket = guard.visible(caller, ticketRef);
		if (!guard.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Agents log time on tickets");
		}
		var check = new InputCheck();
		check.require(minutes != null && minutes >= 1 && minutes <= MAX_MINUTES, "minutes", "must be from 1 to " + MAX_MINUTES);
		String text = check.text(note, "note", 500, false);
		check.throwIfInvalid();
		caller.requireMayChangeTicketsOf(ticket.clientId());
		Instant now = clock.instant();
		ticket.recordEvent(EventType.TIME_LOGGED, caller.userId(), now, text == null ? Ticket.data("tier", ticket.tier(), "minutes", minutes)
				: Ticket.data("tier", ticket.tier(), "minutes", minutes, "note", text));
		tickets.update(ticket);
		events.publishEvent(new AuditEvent(ticket.clientId(), caller.userId(), caller.email(), "TIME_LOGGED", ticket.id(), null, null,
				Map.of("minutes", minutes, "tier", ticket.tier().name())));
	}

	/** Minutes logged on the ticket per tier, for the ticket page. */
	public Map<String, Long> minutesByTier(Caller caller, long ticketId) {
		guard.visible(caller, ticketId);
		Map<String, Long> byTier = new java.util.TreeMap<>();
		jdbc.sql("select data from ticket_events where ticket_id = ? and type = 'TIME_LOGGED' order by id").param(ticketId)
			.query(String.class).list().forEach(data -> {
				var m = java.util.regex.Pattern.compile("\"tier\":\"(T\\d)\".*\"minutes\":(\\d+)").matcher(data);
				if (m.find()) {
					byTier.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
				}
			});
		return byTier;
	}

	private boolean ratedSinceLastSolve(long ticketId) {
		return jdbc.sql("""
				select count(*) from ticket_events c where c.ticket_id = :t and c.type = 'CSAT'
				  and c.id > coalesce((select max(s.id) from ticket_events s where s.ticket_id = :t and s.type = 'STATUS'
				                       and s.data like '%"status":"SOLVED"%'), 0)""")
			.param("t", ticketId).query(Long.class).single() > 0;
	}
}
