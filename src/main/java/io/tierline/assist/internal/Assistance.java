package io.tierline.assist.internal;

import java.time.Instant;
import java.util.List;

import io.tierline.common.Tier;

/**
 * Everything agent assist suggests for one ticket; each suggestion carries the id to report its use with.
 *
 * @param summary null when the thread has no sentence worth showing
 * @param escalation null when the ticket cannot go higher from where it is
 * @param draftReplyAvailable a generative endpoint is configured ({@code POST …/assist/draft-reply})
 */
public record Assistance(String ticket, Tier tier, List<SimilarTicket> similarTickets, List<SuggestedArticle> articles,
		List<SuggestedKnownIssue> knownIssues, List<LogFile> logs, Summary summary, EscalationSuggestion escalation,
		boolean draftReplyAvailable) {

	/** @param resolution null when the ticket has no public reply from staff */
	public record SimilarTicket(long suggestionId, long id, String number, String subject, String status, Instant solvedAt,
			double score, String url, Resolution resolution) {
	}

	/** @param excerpt the start of the last public reply from staff */
	public record Resolution(String by, Instant at, String excerpt) {
	}

	/** @param snippet HTML-escaped with {@code <mark>} around the matched words */
	public record SuggestedArticle(long suggestionId, long id, String title, String snippet, String url) {
	}

	/**
	 * @param matchedBy {@code SIGNATURE} (an error signature matched) or {@code TEXT} (the words and meaning of the ticket)
	 * @param foundIn {@code ticket}, or the log's file name, for a signature match; null for TEXT
	 */
	public record SuggestedKnownIssue(long suggestionId, long id, String title, String status, String matchedBy, String signature,
			String matched, String foundIn, String url) {

		SuggestedKnownIssue withSuggestionId(long id) {
			return new SuggestedKnownIssue(id, this.id, title, status, matchedBy, signature, matched, foundIn, url);
		}
	}

	public record LogFile(long suggestionId, long attachmentId, String filename, long sizeBytes, LogDigest digest) {
	}

	public record Summary(long suggestionId, ThreadSummary summary) {
	}

	/** @param formUrl the escalate form pre-filled with the draft, for the agent to check and send */
	public record EscalationSuggestion(long suggestionId, EscalationDraft draft, String formUrl) {
	}
}
