package io.tierline.routing;

/**
 * How long routing took inside ticket creation, in microseconds, over the newest 20,000 decisions:
 * {@code decision*} the pick itself (ticket facts, candidates and loads, strategy, row lock and load
 * re-read); {@code total*} the same plus writing the assignment (the ticket row, the ASSIGNED
 * event, the audit entry) — what routing adds to a creation.
 */
public record DecisionTimeSummary(long count, long decisionP50Micros, long decisionP99Micros, long totalP50Micros, long totalP99Micros,
		long totalMaxMicros) {
}
