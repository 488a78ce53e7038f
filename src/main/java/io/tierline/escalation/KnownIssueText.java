package io.tierline.escalation;

import java.time.Instant;

/**
 * A known issue as a search index sees it.
 *
 * @param symptoms may be null
 * @param workaround may be null
 * @param productId null when the issue is not about one product
 */
public record KnownIssueText(long id, long clientId, String title, String symptoms, String workaround,
		KnownIssueStatus status, Long productId, Instant updatedAt) {
}
