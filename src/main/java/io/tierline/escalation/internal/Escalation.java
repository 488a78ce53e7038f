package io.tierline.escalation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierline.common.Tier;

/**
 * One escalation of a ticket with its template (SPEC §3) and, into T3, the decision on it; into
 * T4, the vendor's reference and status. {@code escalatedBy} and {@code decidedBy} are e-mail addresses.
 */
public record Escalation(long id, long ticketId, long clientId, Tier fromTier, Tier toTier, long criterionId,
		List<String> stepsAttempted, Map<String, String> environment, String errorMessages, String reproductionSteps,
		String customerImpact, Integer customersAffected, Long knownIssueId, long escalatedById, String escalatedBy, Instant escalatedAt,
		State state, Long decidedById, String decidedBy, Instant decidedAt, ReturnReason decisionReason, String decisionNote, Vendor vendor) {

	public enum State {
		/** into T2, which owns what it takes */
		TAKEN,
		/** into T3, waiting for its decision */
		PENDING, ACCEPTED, RETURNED,
		/** into T4: a third-party vendor works on it */
		WITH_VENDOR
	}

	public enum ReturnReason {
		RESOLVABLE_AT_LOWER_TIER, MISSING_INFORMATION, NOT_A_DEFECT
	}

	public enum VendorStatus {
		OPEN, IN_PROGRESS, WAITING_ON_US, RESOLVED, CLOSED
	}

	/** @param reference the vendor's own case number; may be null */
	public record Vendor(String name, String reference, VendorStatus status, Instant updatedAt) {
	}

	static State initialState(Tier to) {
		return switch (to) {
			case T3 -> State.PENDING;
			case T4 -> State.WITH_VENDOR;
			default -> State.TAKEN;
		};
	}
}
