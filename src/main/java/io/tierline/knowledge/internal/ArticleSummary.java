package io.tierline.knowledge.internal;

import java.time.Instant;

import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.ArticleStatus;
import io.tierline.knowledge.Audience;

/**
 * An article in a list. For a reader (a requester) {@code title} is the published title.
 *
 * @param publishedVersion null when never published
 */
public record ArticleSummary(long id, String reference, String client, ArticleKind kind, ArticleStatus status,
		Audience audience, String title, int version, Integer publishedVersion, Instant updatedAt) {
}
