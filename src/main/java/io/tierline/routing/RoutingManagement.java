package io.tierline.routing;

import java.util.Optional;

import io.tierline.routing.internal.DecisionTimes;
import io.tierline.routing.internal.Router;

import org.springframework.stereotype.Service;

/**
 * The routing module's API: route a ticket now (as its queue's strategy would on creation) and
 * read how long decisions take.
 */
@Service
public class RoutingManagement {

	private final Router router;
	private final DecisionTimes times;

	RoutingManagement(Router router, DecisionTimes times) {
		this.router = router;
		this.times = times;
	}

	/**
	 * Picks an agent for an active, unassigned ticket of a routed queue and assigns them.
	 *
	 * @return the reason recorded on the ASSIGNED event; empty when the queue is manual or nobody
	 *         is available with room
	 */
	public Optional<String> route(long ticketId) {
		return router.routeNew(ticketId).map(Router.Decision::reason);
	}

	/** Decision time percentiles in microseconds since start (or the last reset): p50, p99, max, count. */
	public DecisionTimeSummary decisionTimes() {
		return times.summary();
	}

	/** Forgets the decision times kept so far (a benchmark run measures from here). */
	public void resetDecisionTimes() {
		times.reset();
	}
}
