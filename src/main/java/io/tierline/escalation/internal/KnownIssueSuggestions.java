package io.tierline.escalation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.escalation.KnownIssueSummary;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Service;

/**
 * A ticket's known issues: those linked to it, and suggestions — the client's issues that are not
 * fixed and whose error signatures match the ticket's text (SPEC §3, §6 agent assist).
 */
@Service
public class KnownIssueSuggestions {

	static final int MAX_TEXT = 20_000;
	static final int MAX_SUGGESTIONS = 10;
	private static final int PAGE = 100;
	/** All signatures of a client together get this long for one ticket; a page of the ticket must not wait longer. */
	static final Duration BUDGET = Duration.ofSeconds(1);

	private final KnownIssues issues;
	private final KnownIssueLinks links;
	private final KnownIssueMatcher matcher;
	private final TicketManagement tickets;
	private final AccessManagement access;

	KnownIssueSuggestions(KnownIssues issues, KnownIssueLinks links, KnownIssueMatcher matcher, TicketManagement tickets,
			AccessManagement access) {
		this.issues = issues;
		this.links = links;
		this.matcher = matcher;
		this.tickets = tickets;
		this.access = access;
	}

	/** An issue whose signature matched the ticket: which signature, and the text it found. */
	public record Suggestion(KnownIssueSummary knownIssue, KnownIssueSignature signature, String matched) {
	}

	/**
	 * @param complete false when the time budget ran out before every issue was tried
	 */
	public record TicketIssues(String ticket, long ticketId, ClientRef client, List<KnownIssueSummary> linked,
			List<Suggestion> suggestions, boolean complete) {
	}

	public TicketIssues forTicket(Caller caller, String ticketRef) {
		TicketView ticket = staffTicket(caller, ticketRef);
		ClientRef client = access.clientBySlug(ticket.client()).orElseThrow();
		List<KnownIssueSummary> linked = links.ofTicket(ticket.id());
		Set<Long> linkedIds = linked.stream().map(KnownIssueSummary::id).collect(Collectors.toSet());
		List<Suggestion> suggestions = new ArrayList<>();
		boolean complete = suggest(client, tickets.textOf(ticket.id(), MAX_TEXT), linkedIds, suggestions);
		return new TicketIssues(ticket.number(), ticket.id(), client, linked, List.copyOf(suggestions), complete);
	}

	/**
	 * The client's unfixed issues whose signatures match {@code text} — some other text of the ticket
	 * than its thread, such as an attached log — including those already linked to it.
	 */
	public TicketIssues forText(Caller caller, String ticketRef, String text) {
		TicketView ticket = staffTicket(caller, ticketRef);
		ClientRef client = access.clientBySlug(ticket.client()).orElseThrow();
		List<Suggestion> suggestions = new ArrayList<>();
		String capped = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
		boolean complete = suggest(client, capped, Set.of(), suggestions);
		return new TicketIssues(ticket.number(), ticket.id(), client, List.of(), List.copyOf(suggestions), complete);
	}

	/** The client's issues found by the words of a search, to link any of them to the ticket. */
	public record Search(String ticket, ClientRef client, List<KnownIssueSummary> results) {
	}

	public Search search(Caller caller, String ticketRef, String words) {
		var check = new InputCheck();
		String text = check.text(words, "q", 200, false);
		check.throwIfInvalid();
		TicketView ticket = staffTicket(caller, ticketRef);
		ClientRef client = access.clientBySlug(ticket.client()).orElseThrow();
		List<KnownIssueSummary> results = text == null ? List.of()
				: issues.list(new KnownIssues.Filter(List.of(client.id()), null, text), null, MAX_SUGGESTIONS).items();
		return new Search(ticket.number(), client, results);
	}

	/** Only the issues linked to the ticket, without matching anything. */
	public List<KnownIssueSummary> linked(Caller caller, String ticketRef) {
		return links.ofTicket(staffTicket(caller, ticketRef).id());
	}

	private TicketView staffTicket(Caller caller, String ticketRef) {
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Known issues are for the client's agents and admins");
		}
		return ticket;
	}

	/** Walks the client's unfixed issues a page at a time, until enough matched or the budget is spent. */
	private boolean suggest(ClientRef client, String text, Set<Long> linkedIds, List<Suggestion> into) {
		long deadline = System.nanoTime() + BUDGET.toNanos();
		long after = 0;
		List<KnownIssue> page;
		do {
			page = issues.notFixed(client.id(), after, PAGE);
			for (KnownIssue issue : page) {
				if (into.size() >= MAX_SUGGESTIONS) {
					return true;
				}
				if (System.nanoTime() - deadline > 0) {
					return false;
				}
				if (!linkedIds.contains(issue.id())) {
					firstMatch(issue, text).ifPresent(m -> into.add(new Suggestion(summary(client, issue), m.signature(), m.matched())));
				}
				after = issue.id();
			}
		}
		while (page.size() == PAGE);
		return true;
	}

	private Optional<KnownIssueMatcher.Match> firstMatch(KnownIssue issue, String text) {
		for (KnownIssueSignature signature : issue.signatures()) {
			var match = matcher.match(signature, text);
			if (match.isPresent()) {
				return match;
			}
		}
		return Optional.empty();
	}

	private KnownIssueSummary summary(ClientRef client, KnownIssue issue) {
		return new KnownIssueSummary(issue.id(), client.id(), client.slug(), issue.title(), issue.status(),
				issue.fixedInVersion(), issues.productSlug(issue.productId()), issue.linkedCount(), issue.updatedAt());
	}
}
