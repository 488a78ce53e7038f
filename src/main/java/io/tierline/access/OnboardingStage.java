package io.tierline.access;

/** SPEC §1: how far an agent may act for a client. */
public enum OnboardingStage {
	/** read-only: may open tickets, may not reply or change anything */
	SHADOW,
	/** public replies wait for a lead's approval before they are sent */
	SUPERVISED,
	INDEPENDENT
}
