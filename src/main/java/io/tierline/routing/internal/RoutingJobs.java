package io.tierline.routing.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routing work done after the fact: reassignment requests (SLA breach, agent away, queue
 * moved), one ticket per transaction, and tickets of routed queues still waiting for an agent
 * with room. {@link RoutingWorker} runs it every second; tests run it by hand.
 */
@Service
public class RoutingJobs {

	private final RoutingRequests requests;
	private final Router router;
	private final TransactionTemplate transaction;

	RoutingJobs(RoutingRequests requests, Router router, TransactionTemplate transaction) {
		this.requests = requests;
		this.router = router;
		this.transaction = transaction;
	}

	/** @return whether a request was worked off */
	public boolean runOneRequest() {
		return Boolean.TRUE.equals(transaction.execute(tx -> {
			Optional<RoutingRequests.Request> claimed = requests.claim();
			claimed.ifPresent(r -> {
				router.reassign(r.ticketId(), r.excludeAgentId(), r.reason(), r.unassignIfNobody());
				requests.delete(r.id());
			});
			return claimed.isPresent();
		}));
	}

	/** Routes up to {@code limit} waiting tickets, oldest first; @return how many found an agent */
	public int routeWaiting(int limit) {
		List<Long> waiting = requests.waiting(limit);
		int routed = 0;
		for (long ticketId : waiting) {
			if (router.routeNew(ticketId).isPresent()) {
				routed++;
			}
		}
		return routed;
	}

	/** Everything pending now: all requests, then the waiting tickets. */
	public void drain() {
		while (runOneRequest()) {
			// one ticket per transaction
		}
		routeWaiting(200);
	}
}
