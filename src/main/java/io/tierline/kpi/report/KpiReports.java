package io.tierline.kpi.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.access.Caller;
import io.tierline.kpi.KpiValue;
import io.tierline.kpi.internal.KpiEngine;

import org.springframework.stereotype.Service;

/**
 * What the dashboards and reports show, built from the KPI engine's answers: headline KPIs with
 * their red/amber/green, a monthly trend (one engine question per month, each set-based SQL), and
 * groups side by side. No KPI is computed here; this only arranges the engine's numbers.
 */
@Service
class KpiReports {

	private final KpiEngine engine;

	KpiReports(KpiEngine engine) {
		this.engine = engine;
	}

	/** One KPI's figure for one group, ready for a card or a table row. */
	record Figure(String kpi, String label, String group, Double value, String shown, double numerator, Double denominator, String rag) {
	}

	/** A KPI's value per month, oldest first (null where the month had no denominator). */
	record Trend(String kpi, String label, List<String> months, List<Double> values) {
	}

	record Month(String client, YearMonth month, List<Figure> headline, List<KpiValue> all) {
	}

	/** The headline KPIs for a period, one figure per group of {@code groupBy} (null: all). */
	List<Figure> headline(Caller caller, String client, LocalDate from, LocalDate to, String groupBy) {
		KpiEngine.Report report = engine.report(caller, question(client, from, to, groupBy));
		List<Figure> figures = new ArrayList<>();
		for (Targets t : Targets.values()) {
			report.kpis().stream().filter(v -> v.kpi().equals(t.kpi)).forEach(v -> figures.add(figure(t, v)));
		}
		return figures;
	}

	List<KpiValue> all(Caller caller, String client, LocalDate from, LocalDate to, String groupBy) {
		return engine.report(caller, question(client, from, to, groupBy)).kpis();
	}

	/** As {@link #all}, narrowed to one queue of the client (null: every queue). */
	List<KpiValue> all(Caller caller, String client, String queue, LocalDate from, LocalDate to, String groupBy) {
		var q = question(client, from, to, groupBy);
		return engine.report(caller, new KpiEngine.Question(q.client(), q.from(), q.to(), q.asOf(), q.groupBy(), q.windowDays(), queue))
			.kpis();
	}

	/** The headline KPIs (ungrouped, or for one group of {@code groupBy}) over the last {@code months} months. */
	List<Trend> trends(Caller caller, String client, int months, YearMonth last, String groupBy, String group) {
		List<String> labels = new ArrayList<>();
		Map<Targets, List<Double>> values = new LinkedHashMap<>();
		for (Targets t : Targets.values()) {
			values.put(t, new ArrayList<>());
		}
		for (int i = months - 1; i >= 0; i--) {
			YearMonth m = last.minusMonths(i);
			labels.add(m.toString());
			List<KpiValue> kpis = engine.report(caller, question(client, m.atDay(1), m.plusMonths(1).atDay(1), groupBy)).kpis();
			for (Targets t : Targets.values()) {
				values.get(t).add(find(kpis, t.kpi, group).map(KpiValue::value).orElse(null));
			}
		}
		return values.entrySet().stream().map(e -> new Trend(e.getKey().kpi, e.getKey().label, labels, e.getValue())).toList();
	}

	Month month(Caller caller, String client, YearMonth month) {
		LocalDate from = month.atDay(1);
		LocalDate to = month.plusMonths(1).atDay(1);
		return new Month(client, month, headline(caller, client, from, to, null), all(caller, client, from, to, null));
	}

	static Figure figure(Targets t, KpiValue v) {
		return new Figure(v.kpi(), t.label, v.group(), v.value(), t.format(v.value()), v.numerator(), v.denominator(),
				v.value() == null ? "" : t.rag(v.value()));
	}

	private static Optional<KpiValue> find(List<KpiValue> kpis, String kpi, String group) {
		return kpis.stream().filter(v -> v.kpi().equals(kpi) && (group == null || group.equals(v.group()))).findFirst();
	}

	private static KpiEngine.Question question(String client, LocalDate from, LocalDate to, String groupBy) {
		return new KpiEngine.Question(client, from.atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
				to.atStartOfDay().toInstant(ZoneOffset.UTC).toString(), null, groupBy, null);
	}
}
