package io.tierline.triage.internal;

import io.tierline.ticket.TicketEvents.TicketCreated;
import io.tierline.ticket.TicketEvents.TicketStatusChanged;
import io.tierline.ticket.TicketStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Triage runs right after a new ticket is committed, from any channel, in its own transaction on
 * the same thread (so the creating request already sees the result, and a triage failure never
 * loses a ticket). The first solve decides whether the suggestion was kept.
 */
@Component
class TriageListener {

	private static final Logger log = LoggerFactory.getLogger(TriageListener.class);

	private final TicketTriage triage;

	TriageListener(TicketTriage triage) {
		this.triage = triage;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void on(TicketCreated e) {
		try {
			triage.ticketCreated(e.ticketId(), e.clientId());
		}
		catch (RuntimeException ex) {
			log.warn("Triage of ticket {} failed", e.ticketId(), ex);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void on(TicketStatusChanged e) {
		if (e.to() == TicketStatus.SOLVED || e.to() == TicketStatus.CLOSED) {
			try {
				triage.ticketSolved(e.ticketId());
			}
			catch (RuntimeException ex) {
				log.warn("Triage outcome of ticket {} failed", e.ticketId(), ex);
			}
		}
	}
}
