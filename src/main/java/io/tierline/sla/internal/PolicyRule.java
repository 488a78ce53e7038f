package io.tierline.sla.internal;

import java.time.Duration;

import io.tierline.common.Tier;
import io.tierline.sla.ClockKind;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;

/**
 * One cell (or a wildcard row) of a client's policy matrix: tier × channel × severity → target.
 * A null tier, channel or severity matches any. {@code reassignQueueId} may be null.
 */
public record PolicyRule(Long id, long clientId, ClockKind clock, Tier tier, Channel channel, Severity severity, Duration target,
		boolean businessTime, boolean notifyLead, boolean raiseSeverity, Long reassignQueueId) {

	boolean matches(ClockKind kind, Tier t, Channel c, Severity s) {
		return clock == kind && (tier == null || tier == t) && (channel == null || channel == c) && (severity == null || severity == s);
	}

	/** The most specific row wins: a severity rule over a channel rule over a tier rule (SPEC §4: "P1 (any channel)"). */
	int specificity() {
		return (severity != null ? 4 : 0) + (channel != null ? 2 : 0) + (tier != null ? 1 : 0);
	}

	BreachActions actions() {
		return new BreachActions(notifyLead, raiseSeverity, reassignQueueId);
	}
}
