package io.tierline.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A published article as readers see it, for indexing: the published version's title and
 * Markdown body (not rendered), the client, audience and product slugs to filter on.
 *
 * @param reference the article's reference as tickets cite it, e.g. {@code KB-12}
 */
public record ArticleDocument(long articleId, String reference, long clientId, String client, ArticleKind kind,
		Audience audience, int version, String title, String body, List<String> products, Instant publishedAt) {
}
