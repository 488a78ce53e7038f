package io.tierline.sla.internal;

/** What a breach does besides being recorded (SPEC §4): tell the lead, raise the severity, move to a queue. */
record BreachActions(boolean notifyLead, boolean raiseSeverity, Long reassignQueueId) {

	static final BreachActions NONE = new BreachActions(false, false, null);

	/** Actions that change the ticket, run after the breach is recorded. */
	boolean changesTicket() {
		return raiseSeverity || reassignQueueId != null;
	}

	/** Stored on the clock as e.g. {@code NOTIFY_LEAD RAISE_SEVERITY QUEUE:12}. */
	String encode() {
		StringBuilder s = new StringBuilder();
		if (notifyLead) {
			s.append("NOTIFY_LEAD ");
		}
		if (raiseSeverity) {
			s.append("RAISE_SEVERITY ");
		}
		if (reassignQueueId != null) {
			s.append("QUEUE:").append(reassignQueueId);
		}
		return s.toString().strip();
	}

	static BreachActions decode(String stored) {
		if (stored == null || stored.isBlank()) {
			return NONE;
		}
		Long queue = null;
		for (String part : stored.split(" ")) {
			if (part.startsWith("QUEUE:")) {
				queue = Long.valueOf(part.substring(6));
			}
		}
		return new BreachActions(stored.contains("NOTIFY_LEAD"), stored.contains("RAISE_SEVERITY"), queue);
	}
}
