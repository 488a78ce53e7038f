package io.tierline.notify.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.UserRef;
import io.tierline.common.Tier;
import io.tierline.escalation.EscalationEvents.EngineeringRequired;
import io.tierline.escalation.EscalationEvents.EscalationReturned;
import io.tierline.escalation.EscalationEvents.KnownIssueFixed;
import io.tierline.escalation.EscalationEvents.KnownIssueThresholdCrossed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told what when escalation facts are established (SPEC §3). Runs in the publisher's
 * transaction: the notifications are stored with the fact or not at all.
 */
@Component
class EscalationNotifier {

	private final Outbound outbound;
	private final AccessManagement access;

	EscalationNotifier(Outbound outbound, AccessManagement access) {
		this.outbound = outbound;
		this.access = access;
	}

	@EventListener
	void on(EngineeringRequired e) {
		List<UserRef> tier3 = access.assignableAgents(e.clientId(), e.queueId(), e.categoryId(), Tier.T3);
		String title = "Engineering required: " + e.ticketNumber() + " (" + e.severity() + ")";
		String body = e.subject() + "\nEscalated from " + e.fromTier() + ": " + e.criterion() + "\nImpact: " + e.customerImpact();
		outbound.inApp(tier3, e.clientId(), "ENGINEERING_REQUIRED", title, body, "/tickets/" + e.ticketNumber());
		outbound.email(e.engineeringContact() != null ? List.of(e.engineeringContact()) : emails(tier3), e.clientId(),
				"[" + e.ticketNumber() + "] " + title, body + "\n\nOpen the ticket: /tickets/" + e.ticketNumber());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("escalationId", e.escalationId());
		data.put("ticket", e.ticketNumber());
		data.put("subject", e.subject());
		data.put("severity", e.severity());
		data.put("fromTier", e.fromTier().name());
		data.put("criterion", e.criterion());
		data.put("customerImpact", e.customerImpact());
		outbound.webhook(e.clientId(), "engineering.required", data);
	}

	@EventListener
	void on(EscalationReturned e) {
		UserRef agent = access.user(e.escalatedById());
		String title = e.ticketNumber() + " returned to " + e.backTo() + ": " + e.reason();
		outbound.inApp(List.of(agent), e.clientId(), "ESCALATION_RETURNED", title, e.note(), "/tickets/" + e.ticketNumber());
		outbound.email(List.of(agent.email()), e.clientId(), "[" + e.ticketNumber() + "] " + title,
				e.subject() + "\n\n" + e.note());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("escalationId", e.escalationId());
		data.put("ticket", e.ticketNumber());
		data.put("backTo", e.backTo().name());
		data.put("reason", e.reason());
		data.put("note", e.note());
		outbound.webhook(e.clientId(), "escalation.returned", data);
	}

	@EventListener
	void on(KnownIssueThresholdCrossed e) {
		List<UserRef> tier3 = access.assignableAgents(e.clientId(), null, null, Tier.T3);
		String title = "Known issue #" + e.knownIssueId() + " has " + e.linkedCount() + " linked tickets";
		String body = e.title() + "\nThe threshold of " + e.threshold() + " linked tickets is reached: please prioritise the fix.";
		outbound.inApp(tier3, e.clientId(), "KNOWN_ISSUE_THRESHOLD", title, body, "/known-issues/" + e.knownIssueId());
		outbound.email(e.engineeringContact() != null ? List.of(e.engineeringContact()) : emails(tier3), e.clientId(), title, body);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("knownIssueId", e.knownIssueId());
		data.put("title", e.title());
		data.put("linkedCount", e.linkedCount());
		data.put("threshold", e.threshold());
		outbound.webhook(e.clientId(), "known_issue.threshold_crossed", data);
	}

	@EventListener
	void on(KnownIssueFixed e) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("knownIssueId", e.knownIssueId());
		data.put("title", e.title());
		data.put("fixedInVersion", e.fixedInVersion());
		data.put("openLinkedTickets", e.openLinkedTickets());
		outbound.webhook(e.clientId(), "known_issue.fixed", data);
	}

	private static List<String> emails(List<UserRef> people) {
		return new ArrayList<>(people.stream().map(UserRef::email).toList());
	}
}
