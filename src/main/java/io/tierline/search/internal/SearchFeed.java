package io.tierline.search.internal;

import io.tierline.escalation.EscalationEvents.KnownIssueChanged;
import io.tierline.search.SearchDocument;
import io.tierline.search.SearchIndexing;
import io.tierline.ticket.TicketEvents.MessagePosted;
import io.tierline.ticket.TicketEvents.TicketReopened;
import io.tierline.ticket.TicketEvents.TicketStatusChanged;
import io.tierline.ticket.TicketEvents.TicketsImported;
import io.tierline.ticket.Visibility;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns ticket and known-issue events into {@code search_index_log} rows. The listeners run after
 * the change committed, from Spring Modulith's publication registry, so a crash between the two
 * retries the listener rather than losing the change.
 */
@Component
class SearchFeed {

	private final SearchIndexing indexing;
	private final TicketSearchSource tickets;

	SearchFeed(SearchIndexing indexing, TicketSearchSource tickets) {
		this.indexing = indexing;
		this.tickets = tickets;
	}

	/** Solved or closed: searchable; back to work: out of the index until solved again. */
	@ApplicationModuleListener
	void on(TicketStatusChanged event) {
		boolean done = !event.to().isActive();
		if (done || !event.from().isActive()) {
			indexing.changed(SearchDocument.Type.TICKET, event.ticketId());
		}
	}

	/**
	 * Imported history: each ticket that is solved or closed becomes searchable like any other. The
	 * batch is logged by id in one statement, without its texts: the import is still writing, and
	 * each node reads the documents when it follows the log (the others, never indexed, are
	 * skipped then).
	 */
	@ApplicationModuleListener
	void on(TicketsImported event) {
		indexing.indexAll(SearchDocument.Type.TICKET, event.ticketIds());
	}

	@ApplicationModuleListener
	void on(TicketReopened event) {
		indexing.remove(SearchDocument.Type.TICKET, event.ticketId());
	}

	/** A public reply on a solved ticket (one that did not reopen it) changes what the index should hold. */
	@ApplicationModuleListener
	void on(MessagePosted event) {
		if (event.visibility() == Visibility.PUBLIC) {
			tickets.find(event.ticketId()).ifPresent(indexing::index);
		}
	}

	@ApplicationModuleListener
	void on(KnownIssueChanged event) {
		if (event.deleted()) {
			indexing.remove(SearchDocument.Type.KNOWN_ISSUE, event.knownIssueId());
		}
		else {
			indexing.changed(SearchDocument.Type.KNOWN_ISSUE, event.knownIssueId());
		}
	}
}
