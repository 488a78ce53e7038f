package io.tierline.escalation.web;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.escalation.KnownIssueSummary;
import io.tierline.escalation.internal.KnownIssueSuggestions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's known issues: the linked ones and suggestions by error signature (SPEC §3, §6 agent assist). */
@RestController
class KnownIssueTicketApiController {

	private final KnownIssueSuggestions suggestions;

	KnownIssueTicketApiController(KnownIssueSuggestions suggestions) {
		this.suggestions = suggestions;
	}

	record TicketKnownIssues(String ticket, List<KnownIssueSummary> linked, List<KnownIssueSuggestions.Suggestion> suggestions,
			boolean complete) {
	}

	@GetMapping("/api/v1/tickets/{ref}/known-issues")
	TicketKnownIssues ofTicket(Caller caller, @PathVariable String ref) {
		var found = suggestions.forTicket(caller, ref);
		return new TicketKnownIssues(found.ticket(), found.linked(), found.suggestions(), found.complete());
	}
}
