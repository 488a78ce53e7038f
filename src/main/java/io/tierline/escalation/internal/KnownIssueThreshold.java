package io.tierline.escalation.internal;

import java.time.Clock;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.AuditEvent;
import io.tierline.escalation.EscalationEvents.KnownIssueThresholdCrossed;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * SPEC §3: when the linked-ticket count of an issue that is not fixed reaches the client's
 * threshold, the client's engineering contact is told to prioritise the fix — once per crossing.
 * Runs inside the transaction that changed the count, after the count's row lock was taken.
 */
@Component
class KnownIssueThreshold {

	private final KnownIssueLinks links;
	private final EscalationSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	KnownIssueThreshold(KnownIssueLinks links, EscalationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.links = links;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** The client's threshold now (it may change between links). */
	int of(long clientId) {
		return settings.of(clientId).knownIssueThreshold();
	}

	/** Publishes the crossing when this transaction is the one that claims it. */
	void check(Caller caller, KnownIssue issue) {
		long issueId = issue.id();
		var clientSettings = settings.of(issue.clientId());
		if (!links.claimThresholdNotice(issueId, clientSettings.knownIssueThreshold())) {
			return;
		}
		int count = links.count(issueId);
		events.publishEvent(new KnownIssueThresholdCrossed(issueId, issue.clientId(), issue.title(), count,
				clientSettings.knownIssueThreshold(), clientSettings.engineeringContact(), clock.instant()));
		events.publishEvent(new AuditEvent(issue.clientId(), caller.userId(), caller.email(), "KNOWN_ISSUE_THRESHOLD_CROSSED",
				null, "known-issue/" + issueId, null,
				Map.of("linkedCount", count, "threshold", clientSettings.knownIssueThreshold())));
	}
}
