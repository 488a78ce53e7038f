package io.tierline.ticket;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.tierline.access.Caller;
import io.tierline.ticket.internal.SolvedTickets;
import io.tierline.ticket.internal.TicketStaffView;

import org.springframework.stereotype.Service;

/**
 * Solved tickets as text, for modules that index or compare them (search, agent assist). Reads
 * without access checks; {@link #visibleAmong} tells which of them a caller may see.
 */
@Service
public class TicketCorpus {

	private final SolvedTickets solved;
	private final TicketStaffView staffView;

	TicketCorpus(SolvedTickets solved, TicketStaffView staffView) {
		this.solved = solved;
		this.staffView = staffView;
	}

	/** The ticket when it is SOLVED or CLOSED; empty otherwise or when it does not exist. */
	public Optional<SolvedTicket> solved(long ticketId) {
		return solved.find(ticketId);
	}

	/** Those of {@code ticketIds} that are solved or closed (the others are left out), by id. */
	public java.util.List<SolvedTicket> solved(Collection<Long> ticketIds) {
		return solved.findAll(ticketIds);
	}

	/** Every solved or closed ticket, read in pages of {@code batch} by id (never the whole table at once). */
	public void forEachSolved(Consumer<SolvedTicket> action) {
		solved.forEach(action, 200);
	}

	public long countSolved() {
		return solved.count();
	}

	/** The ids among {@code ticketIds} that the caller may see as staff (their grants, or as an admin or auditor). */
	public Set<Long> visibleAmong(Caller caller, Collection<Long> ticketIds) {
		return solved.visibleAmong(staffView.scope(caller), ticketIds);
	}
}
