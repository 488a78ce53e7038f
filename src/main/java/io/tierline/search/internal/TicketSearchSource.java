package io.tierline.search.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.tierline.access.Caller;
import io.tierline.search.SearchDocument;
import io.tierline.search.SearchSource;
import io.tierline.ticket.SolvedTicket;
import io.tierline.ticket.TicketCorpus;

import org.springframework.stereotype.Component;

/**
 * Solved and closed tickets: subject and public thread, for agents only (INTERNAL). Who sees a
 * hit is the ticket queue's own rule (grants by queue, category and tier), asked of the ticket module.
 */
@Component
class TicketSearchSource implements SearchSource {

	private final TicketCorpus tickets;

	TicketSearchSource(TicketCorpus tickets) {
		this.tickets = tickets;
	}

	@Override
	public SearchDocument.Type type() {
		return SearchDocument.Type.TICKET;
	}

	@Override
	public long count() {
		return tickets.countSolved();
	}

	@Override
	public void forEach(Consumer<SearchDocument> action) {
		tickets.forEachSolved(t -> action.accept(document(t)));
	}

	@Override
	public Optional<SearchDocument> find(long id) {
		return tickets.solved(id).map(TicketSearchSource::document);
	}

	/** The documents of those of {@code ids} that are solved or closed, read together. */
	List<SearchDocument> findAll(Collection<Long> ids) {
		return tickets.solved(ids).stream().map(TicketSearchSource::document).toList();
	}

	@Override
	public Set<Long> visibleTo(Caller caller, Collection<Long> ids) {
		return tickets.visibleAmong(caller, ids);
	}

	static SearchDocument document(SolvedTicket t) {
		return new SearchDocument(t.id(), SearchDocument.Type.TICKET, t.clientId(), SearchDocument.Audience.INTERNAL,
				t.status().name(), t.productId() == null ? List.of() : List.of(t.productId()), t.number() + " " + t.subject(),
				t.text(), t.updatedAt());
	}
}
