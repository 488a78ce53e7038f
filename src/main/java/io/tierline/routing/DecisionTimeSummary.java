package io.tierline.routing;

/** How long assignment decisions took, in microseconds, over the decisions kept (the newest 20,000). */
public record DecisionTimeSummary(long count, long p50Micros, long p99Micros, long maxMicros) {
}
