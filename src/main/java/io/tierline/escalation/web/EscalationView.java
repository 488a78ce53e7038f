package io.tierline.escalation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierline.common.Tier;
import io.tierline.escalation.internal.Escalation;

/** An escalation as the API shows it. {@code decision} is null until T3 decided; {@code vendor} only for T4. */
record EscalationView(long id, long ticketId, String ticket, Tier fromTier, Tier toTier, String criterion,
		List<String> stepsAttempted, Map<String, String> environment, String errorMessages, String reproductionSteps,
		String customerImpact, Integer customersAffected, Long knownIssue, String escalatedBy, Instant escalatedAt,
		Escalation.State state, DecisionView decision, Escalation.Vendor vendor) {

	record DecisionView(String decision, String by, Instant at, Escalation.ReturnReason reason, String note) {
	}

	static EscalationView of(Escalation e, String ticketNumber, String criterionCode) {
		DecisionView decision = e.decidedAt() == null ? null
				: new DecisionView(e.state().name(), e.decidedBy(), e.decidedAt(), e.decisionReason(), e.decisionNote());
		return new EscalationView(e.id(), e.ticketId(), ticketNumber, e.fromTier(), e.toTier(), criterionCode, e.stepsAttempted(),
				e.environment(), e.errorMessages(), e.reproductionSteps(), e.customerImpact(), e.customersAffected(),
				e.knownIssueId(), e.escalatedBy(), e.escalatedAt(), e.state(), decision, e.vendor());
	}
}
