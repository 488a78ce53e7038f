package io.tierline.triage;

import java.time.Instant;

/** Facts the triage module publishes. */
public final class TriageEvents {

	private TriageEvents() {
	}

	/** A model version finished training and is now the client's active model. */
	public record TriageModelTrained(long clientId, long modelId, int version, int examples, Instant at) {
	}

	/** A new ticket got its suggestion; {@code applied} when it was written onto the ticket. */
	public record TicketTriaged(long ticketId, long clientId, String source, boolean applied, Instant at) {
	}
}
