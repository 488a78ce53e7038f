package io.tierline.sla;

/** The SLA clocks of SPEC §4. */
public enum ClockKind {
	/** stops only on a substantive public reply, never on an acknowledgement */
	FIRST_RESPONSE,
	/** runs from a requester's message until the next substantive public reply */
	NEXT_RESPONSE,
	/** runs until the ticket is solved; a reopen starts a new one */
	RESOLUTION,
	/** starts when a ticket reaches T3, stops on T3's decision */
	T3_ACKNOWLEDGEMENT,
	/** starts when T3 accepts, stops on a substantive public reply from T3 or the solve */
	T3_ROOT_CAUSE
}
