package io.tierline.assist.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.assist.internal.Assistance.SuggestedKnownIssue;
import io.tierline.escalation.KnownIssueManagement;
import io.tierline.escalation.KnownIssueMatch;
import io.tierline.search.SearchDocument.Type;
import io.tierline.search.SearchManagement;
import io.tierline.ticket.TicketManagement;

import org.springframework.stereotype.Component;

/**
 * Known issues for a ticket: first those whose error signature matches the ticket's text or one of
 * its logs' error lines, then those whose title and symptoms are closest to the problem (not fixed).
 */
@Component
class KnownIssueFinder {

	private final KnownIssueManagement knownIssues;
	private final SearchManagement search;
	private final TicketManagement tickets;

	KnownIssueFinder(KnownIssueManagement knownIssues, SearchManagement search, TicketManagement tickets) {
		this.knownIssues = knownIssues;
		this.search = search;
		this.tickets = tickets;
	}

	List<SuggestedKnownIssue> find(Caller caller, AssistAccess.OnTicket on, String problem, List<LogReading.ReadLog> logs) {
		String ref = on.ticket().number();
		Map<Long, SuggestedKnownIssue> found = new LinkedHashMap<>();
		knownIssues.matching(caller, ref, tickets.textOf(on.ticket().id(), 20_000))
			.forEach(m -> found.putIfAbsent(m.knownIssue().id(), bySignature(m, "ticket")));
		for (LogReading.ReadLog log : logs) {
			knownIssues.matching(caller, ref, log.errorText())
				.forEach(m -> found.putIfAbsent(m.knownIssue().id(), bySignature(m, log.file().filename())));
		}
		for (var hit : search.searchForStaff(caller, on.clientId(), problem, Type.KNOWN_ISSUE, null, AgentAssist.KNOWN_ISSUES * 2)) {
			if (found.size() >= AgentAssist.KNOWN_ISSUES * 2) {
				break;
			}
			if (!"FIXED".equals(hit.status())) {
				found.putIfAbsent(hit.id(), new SuggestedKnownIssue(0, hit.id(), hit.title(), hit.status(), "TEXT", null, null, null,
						"/known-issues/" + hit.id()));
			}
		}
		return found.values().stream().limit(AgentAssist.KNOWN_ISSUES * 2L).toList();
	}

	private static SuggestedKnownIssue bySignature(KnownIssueMatch m, String foundIn) {
		return new SuggestedKnownIssue(0, m.knownIssue().id(), m.knownIssue().title(), m.knownIssue().status().name(), "SIGNATURE",
				m.signature(), m.matched(), foundIn, "/known-issues/" + m.knownIssue().id());
	}
}
