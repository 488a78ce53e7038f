package io.tierline.sla;

import java.time.Instant;

import io.tierline.common.Tier;

/** Facts the SLA module publishes (notifications react to them); each is also a ticket event. */
public final class SlaEvents {

	private SlaEvents() {
	}

	/** A clock passed its warning fraction (SPEC §4: default 80%). */
	public record SlaWarned(long ticketId, long clientId, ClockKind clock, Tier tier, Instant dueAt, Instant at) {
	}

	/**
	 * A clock passed its due instant. {@code notifyLead} is the policy's action; the other actions
	 * (raise severity, reassign) follow as ticket changes of their own.
	 */
	public record SlaBreached(long ticketId, long clientId, ClockKind clock, Tier tier, Instant dueAt, boolean notifyLead,
			Instant at) {
	}

	/**
	 * The breaches of one client found in one round of the timers, published together so a lead
	 * hears of a storm of breaches once, not a thousand times.
	 */
	public record SlaBreaches(long clientId, java.util.List<SlaBreached> breaches) {
	}
}
