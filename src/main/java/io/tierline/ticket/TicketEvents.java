package io.tierline.ticket;

import java.time.Instant;

import io.tierline.common.Tier;

/** Facts the ticket module publishes for other modules (SLA, KPIs, search, notifications). */
public final class TicketEvents {

	private TicketEvents() {
	}

	/**
	 * Tickets stored by a history import (SPEC §14), in one batch of one client. They start no SLA
	 * clocks and notify nobody, but indexes (search) take them in like any other ticket.
	 */
	public record TicketsImported(long clientId, java.util.List<Long> ticketIds) {
	}

	public record TicketCreated(long ticketId, long clientId, Channel channel, Severity severity, Tier tier, Instant at) {
	}

	public record TicketStatusChanged(long ticketId, long clientId, TicketStatus from, TicketStatus to, Instant at) {
	}

	public record TicketReopened(long ticketId, long clientId, Instant at) {
	}

	/** A message reached its audience: a public reply was sent, or an internal note written. */
	public record MessagePosted(long ticketId, long clientId, long messageId, long authorId, boolean byRequester,
			Visibility visibility, MessageKind kind, Instant at) {
	}

	public record TicketAssigned(long ticketId, long clientId, Long assigneeId, Instant at) {
	}

	public record FollowUpCreated(long ticketId, long clientId, long followUpOf, Instant at) {
	}

	public record TicketEscalated(long ticketId, long clientId, Tier fromTier, Tier toTier, Instant at) {
	}

	/** T3 (or T4) decided on an escalation; {@code tierNow} is where a return put the ticket. */
	public record TicketEscalationDecided(long ticketId, long clientId, boolean accepted, Tier tierBefore, Tier tierNow,
			Instant at) {
	}

	/** The ticket moved to another queue (an SLA breach action, or a lead's choice); {@code queueId} may be null. */
	public record TicketQueueChanged(long ticketId, long clientId, Long queueId, Instant at) {
	}

	/**
	 * The requester answered the CSAT question for one solve (SPEC §7), in the portal, the API or a
	 * survey link. {@code changed}: this answer replaces an earlier one to the same solve.
	 * {@code comment} may be null; {@code tier} is the tier of resolution.
	 */
	public record CsatGiven(long ticketId, long clientId, long requesterId, int solveNumber, int score, String comment,
			Tier tier, boolean changed, Instant at) {
	}
}
