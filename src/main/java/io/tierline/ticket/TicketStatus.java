package io.tierline.ticket;

/** SPEC §2: NEW → OPEN ↔ PENDING (waiting on requester) ↔ ON_HOLD (waiting on third party) → SOLVED → CLOSED. */
public enum TicketStatus {
	NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

	public boolean isActive() {
		return this != SOLVED && this != CLOSED;
	}
}
