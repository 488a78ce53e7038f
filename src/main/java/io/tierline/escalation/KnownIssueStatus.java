package io.tierline.escalation;

/** SPEC §3: a known issue is open, has a fix scheduled, or is fixed in a version. */
public enum KnownIssueStatus {
	OPEN, FIX_SCHEDULED, FIXED;

	/** Open and fix-scheduled issues still hurt customers: they count towards the threshold and are suggested. */
	public boolean isFixed() {
		return this == FIXED;
	}
}
