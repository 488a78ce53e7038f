package io.tierline.routing.internal;

import java.time.Clock;

import io.tierline.sla.SlaEvents.SlaBreached;
import io.tierline.sla.SlaEvents.SlaBreaches;
import io.tierline.ticket.Channel;
import io.tierline.ticket.TicketEvents.TicketCreated;
import io.tierline.ticket.TicketEvents.TicketQueueChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routing's reactions to ticket and SLA facts. A new ticket is routed in the transaction that opens
 * it (an assignment commits or rolls back with the ticket); a breach only writes a reassignment
 * request in the timers' transaction, worked off by {@link RoutingWorker}.
 */
@Component
class RoutingListener {

	private final Router router;
	private final QueueSettings queues;
	private final RoutingRequests requests;
	private final Clock clock;

	RoutingListener(Router router, QueueSettings queues, RoutingRequests requests, Clock clock) {
		this.router = router;
		this.queues = queues;
		this.requests = requests;
		this.clock = clock;
	}

	/** Chat tickets go to the agent who accepts the chat (the chat desk distributes them), not through routing. */
	@EventListener
	void on(TicketCreated e) {
		if (e.channel() != Channel.CHAT) {
			router.routeNew(e.ticketId());
		}
	}

	/** An SLA breach action moved the ticket to another queue: somebody of that queue takes it. */
	@EventListener
	void on(TicketQueueChanged e) {
		if (router.routed(e.queueId())) {
			requests.add(e.ticketId(), "moved to another queue", null, false, clock.instant());
		}
	}

	/** SPEC §4 breach action "reassign": in queues that ask for it, the ticket goes to somebody else. */
	@EventListener
	void on(SlaBreaches e) {
		e.breaches().stream().collect(java.util.stream.Collectors.groupingBy(SlaBreached::clock))
			.forEach((kind, breaches) -> requests.addForBreaches(breaches.stream().map(SlaBreached::ticketId).distinct().toList(),
					"SLA breach (" + kind + ")", clock.instant()));
	}
}
