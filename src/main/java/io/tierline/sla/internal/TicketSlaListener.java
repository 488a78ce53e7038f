package io.tierline.sla.internal;

import io.tierline.ticket.MessageKind;
import io.tierline.ticket.TicketEvents.MessagePosted;
import io.tierline.ticket.TicketEvents.TicketCreated;
import io.tierline.ticket.TicketEvents.TicketEscalated;
import io.tierline.ticket.TicketEvents.TicketEscalationDecided;
import io.tierline.ticket.TicketEvents.TicketReopened;
import io.tierline.ticket.TicketEvents.TicketStatusChanged;
import io.tierline.ticket.Visibility;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the clocks as tickets change. Runs in the ticket change's own transaction (not after it),
 * so a clock and its timers exist exactly when the change that caused them does (STYLE: future
 * work is a row written with its cause).
 */
@Component
class TicketSlaListener {

	private final ClockEngine engine;
	private final Timer clockStart;

	TicketSlaListener(ClockEngine engine, MeterRegistry meters) {
		this.engine = engine;
		// what starting the clocks adds to a ticket's creation (issue 4: < 2 ms), read by bench/sla.sh
		this.clockStart = Timer.builder("tierline.sla.clock.start").description("Starting a new ticket's SLA clocks and timers")
			.publishPercentiles(0.5, 0.99).register(meters);
	}

	@EventListener
	void on(TicketCreated e) {
		clockStart.record(() -> engine.ticketCreated(
				new ClockEngine.TicketFacts(e.ticketId(), e.clientId(), e.tier(), e.channel(), e.severity()), e.at()));
	}

	@EventListener
	void on(MessagePosted e) {
		if (e.visibility() != Visibility.PUBLIC) {
			return;
		}
		if (e.byRequester()) {
			engine.requesterWrote(e.ticketId(), e.at());
		}
		else if (e.kind() != MessageKind.ACKNOWLEDGEMENT) {
			engine.substantiveReply(e.ticketId(), e.at());
		}
	}

	@EventListener
	void on(TicketStatusChanged e) {
		engine.statusChanged(e.ticketId(), e.from(), e.to(), e.at());
	}

	@EventListener
	void on(TicketReopened e) {
		engine.reopened(e.ticketId(), e.at());
	}

	@EventListener
	void on(TicketEscalated e) {
		engine.escalated(e.ticketId(), e.toTier(), e.at());
	}

	@EventListener
	void on(TicketEscalationDecided e) {
		engine.escalationDecided(e.ticketId(), e.accepted(), e.tierBefore(), e.at());
	}
}
