package io.tierline.knowledge.internal;

import java.time.Instant;

import io.tierline.knowledge.Audience;

/**
 * One kept version of an article.
 *
 * @param spec a macro's actions or a diagnostic tree as JSON; null for other kinds
 * @param note what the author said about the change; may be null
 */
public record ArticleVersion(long articleId, int version, String title, String body, Audience audience, String spec,
		String author, String note, Instant createdAt) {
}
