package io.tierline.escalation.internal;

import java.time.Clock;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.InputCheck;
import io.tierline.common.InvalidInputException;
import io.tierline.common.Keyset;
import io.tierline.escalation.KnownIssueSummary;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links tickets to known issues (SPEC §3). A link is a ticket event; the issue's count changes in
 * the same transaction, and the threshold notice is claimed by the link that reaches it.
 */
@Service
public class KnownIssueLinking {

	private final KnownIssueLibrary library;
	private final KnownIssueLinks links;
	private final KnownIssueAccess rights;
	private final KnownIssueThreshold threshold;
	private final TicketManagement tickets;
	private final AccessManagement access;
	private final Clock clock;

	KnownIssueLinking(KnownIssueLibrary library, KnownIssueLinks links, KnownIssueAccess rights, KnownIssueThreshold threshold,
			TicketManagement tickets, AccessManagement access, Clock clock) {
		this.library = library;
		this.links = links;
		this.rights = rights;
		this.threshold = threshold;
		this.tickets = tickets;
		this.access = access;
		this.clock = clock;
	}

	/** The issue after a link, and whether this call made the link (false: it existed already). */
	public record Linked(KnownIssueSummary issue, String ticket, boolean created) {
	}

	@Transactional
	public Linked link(Caller caller, long issueId, String ticketRef) {
		KnownIssue issue = library.get(caller, issueId);
		TicketView ticket = sameClientTicket(caller, issue, ticketRef);
		rights.requireWork(caller, issue.clientId());
		boolean created = links.insert(issueId, ticket.id(), caller.userId(), clock.instant());
		if (created) {
			// the ticket row first, the issue's row last: its lock is held for the shortest time
			tickets.recordEvent(caller, ticket.id(), EventType.KNOWN_ISSUE_LINKED, event(issue));
			links.countUp(issueId);
			threshold.check(caller, issue);
		}
		return new Linked(library.visible(caller, issueId).orElseThrow(), ticket.number(), created);
	}

	/** @return false when the ticket was not linked (unlinking is idempotent) */
	@Transactional
	public boolean unlink(Caller caller, long issueId, String ticketRef) {
		KnownIssue issue = library.get(caller, issueId);
		TicketView ticket = sameClientTicket(caller, issue, ticketRef);
		rights.requireWork(caller, issue.clientId());
		if (!links.delete(issueId, ticket.id())) {
			return false;
		}
		tickets.recordEvent(caller, ticket.id(), EventType.KNOWN_ISSUE_UNLINKED, event(issue));
		links.countDown(issueId, threshold.of(issue.clientId()));
		return true;
	}

	/** The issue's linked tickets that the caller sees as staff. */
	public KnownIssueLinks.Page tickets(Caller caller, long issueId, Keyset after, int limit) {
		library.get(caller, issueId);
		return links.tickets(issueId, tickets.staffScope(caller), after, limit);
	}

	private TicketView sameClientTicket(Caller caller, KnownIssue issue, String ticketRef) {
		var check = new InputCheck();
		String ref = check.text(ticketRef, "ticket", 60, true);
		check.throwIfInvalid();
		TicketView ticket = tickets.visible(caller, ref);
		if (!ticket.client().equals(access.organization(issue.clientId()).slug())) {
			throw InvalidInputException.of("ticket", "belongs to another client than the known issue");
		}
		return ticket;
	}

	private static Map<String, Object> event(KnownIssue issue) {
		return Map.of("knownIssueId", issue.id(), "title", issue.title());
	}
}
