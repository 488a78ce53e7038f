package io.tierline.triage;

import java.time.Instant;

/**
 * The triage suggestion of one ticket. {@code source} is MODEL, RULES or NONE; category, queue,
 * severity and their confidences may be null; {@code outcome} is PENDING until the ticket is first
 * solved, then KEPT or CHANGED.
 */
public record TicketSuggestion(long ticketId, String source, Integer modelVersion, String category,
		Double categoryConfidence, String queue, Double queueConfidence, String severity, String severityReason,
		double threshold, boolean applied, String outcome, String finalCategory, String finalQueue, Instant createdAt) {
}
