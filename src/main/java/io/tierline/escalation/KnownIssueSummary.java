package io.tierline.escalation;

import java.time.Instant;

/**
 * A known issue as lists and other modules see it.
 *
 * @param client the client's slug
 * @param fixedInVersion the version that fixes it (or is planned to); null unless given, always set when FIXED
 * @param product the product's slug; null when the issue is not about one product
 * @param linkedCount tickets linked to the issue
 */
public record KnownIssueSummary(long id, long clientId, String client, String title, KnownIssueStatus status,
		String fixedInVersion, String product, int linkedCount, Instant updatedAt) {
}
