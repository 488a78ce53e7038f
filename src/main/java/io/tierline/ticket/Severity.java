package io.tierline.ticket;

/** P1 is the most severe. */
public enum Severity {
	P1, P2, P3, P4
}
