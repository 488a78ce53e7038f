package io.tierline.triage;

import java.util.Optional;

import io.tierline.triage.internal.Suggestions;

import org.springframework.stereotype.Service;

/** The triage module's API for other modules: a ticket's suggestion. */
@Service
public class TriageManagement {

	private final Suggestions suggestions;

	TriageManagement(Suggestions suggestions) {
		this.suggestions = suggestions;
	}

	/** Without access checks: for system work only. */
	public Optional<TicketSuggestion> suggestion(long ticketId) {
		return suggestions.find(ticketId);
	}
}
