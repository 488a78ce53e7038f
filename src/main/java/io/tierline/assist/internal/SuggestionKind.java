package io.tierline.assist.internal;

/** What an agent-assist suggestion offers. */
public enum SuggestionKind {
	SIMILAR_TICKET, ARTICLE, KNOWN_ISSUE, LOG_DIGEST, SUMMARY, ESCALATION_DRAFT, REPLY_DRAFT
}
