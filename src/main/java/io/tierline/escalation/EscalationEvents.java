package io.tierline.escalation;

import java.time.Instant;

import io.tierline.common.Tier;

/** Facts the escalation module publishes, within the transaction that established them. */
public final class EscalationEvents {

	private EscalationEvents() {
	}

	/**
	 * A ticket was escalated into T3: engineering is required (SPEC §3). {@code engineeringContact}
	 * is the client's engineering e-mail address, or null when the client has not set one.
	 */
	public record EngineeringRequired(long escalationId, long ticketId, long clientId, String ticketNumber, String subject,
			String severity, Long queueId, Long categoryId, Tier fromTier, String criterion, String customerImpact,
			String engineeringContact, long escalatedById, Instant at) {
	}

	/** T3 returned an escalation; the ticket is back at {@code backTo} with the agent who escalated it. */
	public record EscalationReturned(long escalationId, long ticketId, long clientId, String ticketNumber, String subject,
			long escalatedById, Tier backTo, String reason, String note, Instant at) {
	}

	/** The linked-ticket count of an open known issue reached the client's threshold (once per crossing). */
	public record KnownIssueThresholdCrossed(long knownIssueId, long clientId, String title, int linkedCount, int threshold,
			String engineeringContact, Instant at) {
	}

	/** A known issue was marked fixed; {@code openLinkedTickets} are waiting for the news. */
	public record KnownIssueFixed(long knownIssueId, long clientId, String title, String fixedInVersion,
			int openLinkedTickets, Instant at) {
	}

	/** A known issue was created, revised or deleted ({@code deleted}); indexes read it again by id. */
	public record KnownIssueChanged(long knownIssueId, long clientId, boolean deleted, Instant at) {
	}
}
