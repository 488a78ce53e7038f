package io.tierline.ticket;

import java.util.Optional;

import io.tierline.access.Caller;
import io.tierline.ticket.internal.TicketIntake;
import io.tierline.ticket.internal.TicketQueries;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The ticket module's API for other modules (channels, import, demo data): open a ticket as a
 * caller and read it back.
 */
@Service
public class TicketManagement {

	private final TicketIntake intake;
	private final TicketQueries queries;

	TicketManagement(TicketIntake intake, TicketQueries queries) {
		this.intake = intake;
		this.queries = queries;
	}

	/**
	 * Opens a ticket for the caller. With an idempotency key (may be null) a retry returns the
	 * first attempt's ticket; a concurrent retry waits for it rather than writing a duplicate.
	 */
	public OpenedTicket open(Caller caller, NewTicket ticket, Channel defaultChannel, String idempotencyKey) {
		try {
			return intake.open(caller, ticket, defaultChannel, idempotencyKey);
		}
		catch (DuplicateKeyException concurrentRetry) {
			if (idempotencyKey == null) {
				throw concurrentRetry;
			}
			return intake.open(caller, ticket, defaultChannel, idempotencyKey);
		}
	}

	/** Without access checks: for system work only. */
	public Optional<TicketView> find(long ticketId) {
		return queries.view(ticketId);
	}
}
