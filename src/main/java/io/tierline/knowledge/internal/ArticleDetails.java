package io.tierline.knowledge.internal;

import java.time.Instant;
import java.util.List;

import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.ArticleStatus;
import io.tierline.knowledge.Audience;

/**
 * An article as its reader sees it: staff see the newest revision ({@code version}), requesters
 * the published one. {@code html} is the sanitised rendering of {@code body}; {@code tree} and
 * {@code macro} are null unless the article is of that kind.
 *
 * @param shownVersion the version whose content this is
 * @param mayEdit the caller may write a new revision
 * @param mayReview the caller may publish, reject, archive or restore
 * @param knownIssue the known issue the article explains, as the caller sees it; null when none or hidden
 */
public record ArticleDetails(long id, String reference, String client, ArticleKind kind, ArticleStatus status,
		Audience audience, String title, int version, int shownVersion, Integer publishedVersion, Instant publishedAt,
		List<String> products, String body, String html, DiagnosticTree tree, MacroSpec macro, Instant updatedAt,
		boolean mayEdit, boolean mayReview, io.tierline.escalation.KnownIssueSummary knownIssue) {
}
