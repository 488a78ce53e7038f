package io.tierline.sla.internal;

import java.time.Duration;
import java.util.List;

import io.tierline.common.Tier;
import io.tierline.sla.ClockKind;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;

/**
 * The SPEC §4 defaults every client starts with. Where the table is silent (T1 on web, phone and
 * API; next response) the nearest stated target is used; "5 business days" is 40 business hours.
 * SPEC gives P1 "15 min, 24×7" on any channel and "1 h" for P1 e-mail: the stricter any-channel
 * target governs first response, the hour governs the next responses on P1 e-mail.
 */
final class DefaultPolicy {

	private DefaultPolicy() {
	}

	static List<PolicyRule> forClient(long clientId) {
		return List.of(
				rule(clientId, ClockKind.FIRST_RESPONSE, Tier.T1, null, null, Duration.ofHours(4), true),
				rule(clientId, ClockKind.FIRST_RESPONSE, Tier.T2, null, null, Duration.ofHours(2), true),
				rule(clientId, ClockKind.FIRST_RESPONSE, Tier.T1, Channel.EMAIL, null, Duration.ofHours(4), true),
				rule(clientId, ClockKind.FIRST_RESPONSE, Tier.T1, Channel.EMAIL, Severity.P4, Duration.ofHours(24), true),
				rule(clientId, ClockKind.FIRST_RESPONSE, Tier.T2, Channel.EMAIL, null, Duration.ofHours(4), true),
				rule(clientId, ClockKind.FIRST_RESPONSE, Tier.T2, Channel.EMAIL, Severity.P4, Duration.ofHours(24), true),
				rule(clientId, ClockKind.FIRST_RESPONSE, Tier.T1, Channel.CHAT, null, Duration.ofSeconds(60), false),
				rule(clientId, ClockKind.FIRST_RESPONSE, Tier.T1, Channel.CHAT, Severity.P1, Duration.ofSeconds(60), false),
				rule(clientId, ClockKind.FIRST_RESPONSE, null, null, Severity.P1, Duration.ofMinutes(15), false),
				rule(clientId, ClockKind.NEXT_RESPONSE, null, null, null, Duration.ofHours(8), true),
				rule(clientId, ClockKind.NEXT_RESPONSE, null, Channel.EMAIL, Severity.P1, Duration.ofHours(1), false),
				rule(clientId, ClockKind.RESOLUTION, null, null, null, Duration.ofHours(24), true),
				rule(clientId, ClockKind.RESOLUTION, Tier.T1, Channel.CHAT, null, Duration.ofMinutes(12), false),
				rule(clientId, ClockKind.T3_ACKNOWLEDGEMENT, null, null, null, Duration.ofHours(4), true),
				rule(clientId, ClockKind.T3_ROOT_CAUSE, null, null, null, Duration.ofHours(40), true));
	}

	private static PolicyRule rule(long clientId, ClockKind clock, Tier tier, Channel channel, Severity severity, Duration target,
			boolean businessTime) {
		return new PolicyRule(null, clientId, clock, tier, channel, severity, target, businessTime, true, false, null);
	}
}
