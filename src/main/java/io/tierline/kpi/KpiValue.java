package io.tierline.kpi;

/**
 * One KPI for one group (SPEC §7): {@code value} is {@code numerator ÷ denominator} (a share, a mean
 * or a ratio; see docs/kpi.md for each), null when the denominator is 0. {@code denominator} is null
 * for a plain count (backlog size) and for a median or percentile, whose {@code numerator} is then the
 * number of tickets it is taken over. {@code group} is "all" when not grouped and "none" for tickets
 * without a value for the grouping (no team, no category …).
 */
public record KpiValue(String kpi, String group, Double value, double numerator, Double denominator) {

	public static KpiValue of(String kpi, String group, double numerator, double denominator) {
		return new KpiValue(kpi, group, denominator == 0 ? null : round(numerator / denominator), round(numerator), denominator);
	}

	public static KpiValue count(String kpi, String group, long count) {
		return new KpiValue(kpi, group, (double) count, count, null);
	}

	/** A median or percentile over {@code tickets} tickets; null when there are none. */
	public static KpiValue percentile(String kpi, String group, Double value, long tickets) {
		return new KpiValue(kpi, group, value == null || tickets == 0 ? null : round(value), tickets, null);
	}

	static double round(double value) {
		return Math.round(value * 10_000.0) / 10_000.0;
	}
}
