package io.tierline.knowledge;

import java.time.Instant;

/** Facts the knowledge module publishes, for the search index and anybody else who listens. */
public final class KnowledgeEvents {

	private KnowledgeEvents() {
	}

	/** A knowledge reviewer published {@code version}: readers now see it (and search should index it). */
	public record ArticlePublished(long articleId, long clientId, int version, ArticleKind kind, Audience audience, Instant at) {
	}

	/** The article left the library: readers no longer see it (search should drop it). */
	public record ArticleArchived(long articleId, long clientId, Instant at) {
	}

	/**
	 * A new revision was written or moved in the workflow without changing what readers see;
	 * {@code publishedVersion} is null when the article has never been published.
	 */
	public record ArticleChanged(long articleId, long clientId, int version, ArticleStatus status, Integer publishedVersion,
			Instant at) {
	}
}
