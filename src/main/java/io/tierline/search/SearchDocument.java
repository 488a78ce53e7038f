package io.tierline.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index keeps of one searchable thing. {@code status} is the source's own word
 * ({@code PUBLISHED} for an article, {@code SOLVED} for a ticket, {@code OPEN} for a known issue);
 * requesters only ever get {@link Audience#PUBLIC} articles whose status is {@code PUBLISHED}.
 *
 * @param productIds the products it is about; empty when none
 * @param body plain text (HTML is the source's to strip); may be empty, never null
 */
public record SearchDocument(long id, Type type, long clientId, Audience audience, String status, List<Long> productIds,
		String title, String body, Instant updatedAt) {

	public SearchDocument {
		productIds = productIds == null ? List.of() : List.copyOf(productIds);
		body = body == null ? "" : body;
		title = title == null ? "" : title;
	}

	/** The kinds of searchable document; {@link #wire()} is the name used in the API ({@code known_issue}). */
	public enum Type {
		ARTICLE, TICKET, KNOWN_ISSUE;

		public String wire() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** Who may read it: requesters read PUBLIC articles, staff read both. */
	public enum Audience {
		PUBLIC, INTERNAL
	}
}
