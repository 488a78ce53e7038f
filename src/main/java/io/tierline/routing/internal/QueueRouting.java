package io.tierline.routing.internal;

import java.util.List;

import io.tierline.routing.RoutingStrategy;

/**
 * A queue's routing settings. {@code teamIds} empty: every agent with a grant on the queue may be
 * picked; otherwise only members of these teams (internal, external, or both: co-managed).
 */
public record QueueRouting(long queueId, long clientId, RoutingStrategy strategy, boolean dedicated, boolean reassignOnBreach,
		List<Long> teamIds) {

	static QueueRouting manual(long queueId, long clientId) {
		return new QueueRouting(queueId, clientId, RoutingStrategy.MANUAL, false, false, List.of());
	}

	boolean routed() {
		return strategy != RoutingStrategy.MANUAL;
	}
}
