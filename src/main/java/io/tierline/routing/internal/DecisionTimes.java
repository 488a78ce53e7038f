package io.tierline.routing.internal;

import java.util.Arrays;

import io.tierline.routing.DecisionTimeSummary;

import org.springframework.stereotype.Component;

/** The newest routing times inside ticket creation, for the benchmark (issue 9: < 5 ms p99) and the load page. */
@Component
public class DecisionTimes {

	private static final int KEPT = 20_000;

	private final long[] decision = new long[KEPT];
	private final long[] total = new long[KEPT];
	private long count;

	synchronized void record(long decisionNanos, long totalNanos) {
		int slot = (int) (count % KEPT);
		decision[slot] = decisionNanos / 1000;
		total[slot] = totalNanos / 1000;
		count++;
	}

	public synchronized DecisionTimeSummary summary() {
		int n = (int) Math.min(count, KEPT);
		if (n == 0) {
			return new DecisionTimeSummary(0, 0, 0, 0, 0, 0);
		}
		long[] d = sorted(decision, n);
		long[] t = sorted(total, n);
		return new DecisionTimeSummary(count, at(d, 0.50), at(d, 0.99), at(t, 0.50), at(t, 0.99), t[n - 1]);
	}

	public synchronized void reset() {
		count = 0;
	}

	private static long[] sorted(long[] values, int n) {
		long[] copy = Arrays.copyOf(values, n);
		Arrays.sort(copy);
		return copy;
	}

	private static long at(long[] sorted, double q) {
		return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
	}
}
