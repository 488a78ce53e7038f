package io.tierline.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.InvalidInputException;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SPEC §5 knowledge contribution: a ticket records the article it created or updated, as the
 * {@code KNOWLEDGE_LINKED} event of the SPEC §14 format ({@code article} is the reference, e.g.
 * {@code KB-77}), which the knowledge contribution rate (SPEC §7) counts.
 */
@Service
public class KnowledgeLinks {

	public enum Action {
		CREATED, UPDATED
	}

	private final TicketManagement tickets;
	private final AccessManagement access;
	private final Articles articles;

	KnowledgeLinks(TicketManagement tickets, AccessManagement access, Articles articles) {
		this.tickets = tickets;
		this.access = access;
		this.articles = articles;
	}

	/** The ticket, when the caller works it as staff, may change it, and it is of the article's client. */
	public TicketView requireLinkable(Caller caller, String ticketRef, long clientId) {
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Agents link tickets to articles");
		}
		long ticketClient = access.clientBySlug(ticket.client()).orElseThrow().id();
		caller.requireMayChangeTicketsOf(ticketClient);
		if (ticketClient != clientId) {
			throw InvalidInputException.of("ticket", "is not a ticket of the article's client");
		}
		return ticket;
	}

	@Transactional
	public void link(Caller caller, String ticketRef, Article article, Action action) {
		TicketView ticket = requireLinkable(caller, ticketRef, article.clientId());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("article", article.reference());
		data.put("action", action.name());
		data.put("articleId", article.id());
		data.put("version", article.version());
		tickets.recordEvent(caller, ticket.id(), EventType.KNOWLEDGE_LINKED, data);
	}

	/** "Link to article updated" (or created elsewhere): the caller names an article of the ticket's client they read as staff. */
	@Transactional
	public Article linkUpdated(Caller caller, String ticketRef, String articleRef, ArticleAccess rights, Action action) {
		var check = new InputCheck();
		Long id = parse(articleRef);
		check.require(id != null, "article", "must be an article reference such as KB-12");
		check.throwIfInvalid();
		Article article = articles.find(id).filter(a -> rights.reading(caller, a.clientId()) == ArticleAccess.Reading.STAFF)
			.orElseThrow(() -> InvalidInputException.of("article", "unknown article '" + articleRef + "'"));
		link(caller, ticketRef, article, action);
		return article;
	}

	/** {@code KB-12}, {@code kb-12} or {@code 12}; null when neither. */
	static Long parse(String ref) {
		if (ref == null) {
			return null;
		}
		String s = ref.strip().toUpperCase();
		s = s.startsWith("KB-") ? s.substring(3) : s;
		try {
			return Long.valueOf(s);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
