package io.tierline.kpi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tierline.kpi.KpiValue;

/** Internal and external teams side by side on the KPIs a parallel run is judged by. */
final class ParallelRun {

	private static final List<String[]> KPIS = List.of(new String[] { "fcr", "First contact resolution (7 days)" },
			new String[] { "escalation_rate_T1", "Escalation rate out of T1" }, new String[] { "escalation_rate_T2", "Escalation rate out of T2" },
			new String[] { "reopen_rate", "Reopen rate" }, new String[] { "csat", "CSAT (share of 4 and 5)" },
			new String[] { "aht_minutes", "Handling time per ticket (min)" },
			new String[] { "sla_attainment_FIRST_RESPONSE", "SLA first response met" },
			new String[] { "sla_attainment_RESOLUTION", "SLA resolution met" });

	record Row(String label, String internal, String internalOf, String external, String externalOf) {
	}

	private ParallelRun() {
	}

	static List<Row> rows(List<KpiValue> values) {
		List<Row> rows = new ArrayList<>();
		for (String[] kpi : KPIS) {
			Optional<KpiValue> internal = find(values, kpi[0], "internal");
			Optional<KpiValue> external = find(values, kpi[0], "external");
			boolean share = !kpi[0].endsWith("minutes");
			rows.add(new Row(kpi[1], shown(internal, share), of(internal), shown(external, share), of(external)));
		}
		return rows;
	}

	private static Optional<KpiValue> find(List<KpiValue> values, String kpi, String group) {
		return values.stream().filter(v -> v.kpi().equals(kpi) && group.equalsIgnoreCase(v.group())).findFirst();
	}

	private static String shown(Optional<KpiValue> v, boolean share) {
		if (v.isEmpty() || v.get().value() == null) {
			return "–";
		}
		double value = v.get().value();
		return share ? String.format(java.util.Locale.ROOT, "%.1f %%", value * 100) : String.format(java.util.Locale.ROOT, "%.1f", value);
	}

	private static String of(Optional<KpiValue> v) {
		return v.map(k -> k.denominator() == null ? "" : String.format(java.util.Locale.ROOT, "%.0f / %.0f", k.numerator(), k.denominator()))
			.orElse("");
	}
}
