package io.tierline.routing.internal;

import java.util.Arrays;

import io.tierline.routing.DecisionTimeSummary;

import org.springframework.stereotype.Component;

/** The newest assignment decision times, for the benchmark (issue 9: < 5 ms p99) and the load page. */
@Component
public class DecisionTimes {

	private static final int KEPT = 20_000;

	private final long[] micros = new long[KEPT];
	private long count;

	synchronized void record(long nanos) {
		micros[(int) (count % KEPT)] = nanos / 1000;
		count++;
	}

	public synchronized DecisionTimeSummary summary() {
		int n = (int) Math.min(count, KEPT);
		if (n == 0) {
			return new DecisionTimeSummary(0, 0, 0, 0);
		}
		long[] sorted = Arrays.copyOf(micros, n);
		Arrays.sort(sorted);
		return new DecisionTimeSummary(count, sorted[(n - 1) / 2], sorted[(int) Math.ceil(n * 0.99) - 1], sorted[n - 1]);
	}

	public synchronized void reset() {
		count = 0;
	}
}
