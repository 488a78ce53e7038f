package io.tierline.escalation.internal;

import java.time.Instant;
import java.util.List;

import io.tierline.escalation.KnownIssueStatus;
import io.tierline.escalation.KnownIssueSummary;

/**
 * A known issue as its page and the API show it. {@code symptoms}, {@code workaround},
 * {@code fixedInVersion}, {@code product} and {@code createdBy} may be null.
 *
 * @param client the client's slug
 * @param createdBy the e-mail of the person who recorded it
 */
public record KnownIssueDetails(long id, String client, String title, String symptoms, List<KnownIssueSignature> signatures,
		String workaround, KnownIssueStatus status, String fixedInVersion, String product, int linkedCount, String createdBy,
		Instant createdAt, Instant updatedAt) {

	public KnownIssueSummary summary(long clientId) {
		return new KnownIssueSummary(id, clientId, client, title, status, fixedInVersion, product, linkedCount, updatedAt);
	}
}
