package io.tierline.escalation.internal;

import io.tierline.common.Tier;

/**
 * How a client handles one category (SPEC §3): owned end-to-end at T1 or T2 — support resolves
 * everything except suspected defects — or triaged and escalated.
 *
 * @param ownerTier T1 or T2 when {@code handling} is OWNED; null otherwise
 */
public record CategoryPolicy(long categoryId, long clientId, Handling handling, Tier ownerTier, CaptureTemplate template) {

	public enum Handling {
		OWNED, ESCALATE
	}

	static CategoryPolicy defaultFor(long categoryId, long clientId) {
		return new CategoryPolicy(categoryId, clientId, Handling.ESCALATE, null, CaptureTemplate.DEFAULT);
	}

	/** Whether an escalation to {@code to} leaves the tier that owns this category end-to-end. */
	public boolean beyondOwner(Tier to) {
		return handling == Handling.OWNED && ownerTier != null && to.isAbove(ownerTier);
	}
}
