package io.tierline.common;

/** SPEC §3: T0 self-service, T1 scripted, T2 diagnostic, T3 engineering, T4 third-party vendor. */
public enum Tier {
	T0, T1, T2, T3, T4;

	public boolean isAbove(Tier other) {
		return ordinal() > other.ordinal();
	}
}
