package io.tierline.escalation;

import java.util.List;
import java.util.Optional;

import io.tierline.access.Caller;
import io.tierline.escalation.internal.KnownIssueLibrary;
import io.tierline.escalation.internal.KnownIssueLinking;
import io.tierline.escalation.internal.KnownIssueSuggestions;

import org.springframework.stereotype.Service;

/**
 * The known-issue library's API for other modules (SPEC §3): the escalation workflow names a
 * known issue and links the escalated ticket to it.
 */
@Service
public class KnownIssueManagement {

	private final KnownIssueLibrary library;
	private final KnownIssueLinking linking;
	private final KnownIssueSuggestions suggestions;

	KnownIssueManagement(KnownIssueLibrary library, KnownIssueLinking linking, KnownIssueSuggestions suggestions) {
		this.library = library;
		this.linking = linking;
		this.suggestions = suggestions;
	}

	/** The issue as the caller may see it; empty when it does not exist or belongs to a client the caller does not work for. */
	public Optional<KnownIssueSummary> visible(Caller caller, long knownIssueId) {
		return library.visible(caller, knownIssueId);
	}

	/**
	 * Links the ticket (by number, e.g. {@code ACME-1042}, or id) to the issue; linking twice changes
	 * nothing. Joins the caller's transaction. Throws {@link io.tierline.common.NotFoundException}
	 * when the issue or the ticket is not visible to the caller,
	 * {@link io.tierline.common.InvalidInputException} (field {@code ticket}) when the ticket belongs
	 * to another client, {@link io.tierline.common.ForbiddenException} for SHADOW agents and auditors.
	 */
	public void link(Caller caller, long knownIssueId, String ticketRef) {
		linking.link(caller, knownIssueId, ticketRef);
	}

	/** Removes the link; unlinking a ticket that is not linked changes nothing. Same errors as {@link #link}. */
	public void unlink(Caller caller, long knownIssueId, String ticketRef) {
		linking.unlink(caller, knownIssueId, ticketRef);
	}

	/**
	 * The client's unfixed known issues whose error signatures match {@code text} (at most 20,000
	 * characters are read), for a text of the ticket other than its thread, such as an attached log.
	 * Same errors as {@link #linkedTo}; only for staff on the ticket (403 otherwise).
	 */
	public List<KnownIssueMatch> matching(Caller caller, String ticketRef, String text) {
		return suggestions.forText(caller, ticketRef, text).suggestions().stream()
			.map(s -> new KnownIssueMatch(s.knownIssue(), s.signature().pattern(), s.matched()))
			.toList();
	}

	/** The known issues the ticket is linked to, newest link first. */
	public List<KnownIssueSummary> linkedTo(Caller caller, String ticketRef) {
		return suggestions.linked(caller, ticketRef);
	}
}
