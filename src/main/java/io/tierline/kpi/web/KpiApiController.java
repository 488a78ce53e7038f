package io.tierline.kpi.web;

import java.util.Locale;
import java.util.stream.Collectors;

import io.tierline.access.Caller;
import io.tierline.kpi.KpiValue;
import io.tierline.kpi.internal.KpiEngine;
import io.tierline.kpi.internal.KpiProjection;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §7 KPIs as JSON and CSV, and the projection's progress and rebuild. */
@RestController
@RequestMapping("/api/v1")
class KpiApiController {

	private final KpiEngine engine;
	private final KpiProjection projection;

	KpiApiController(KpiEngine engine, KpiProjection projection) {
		this.engine = engine;
		this.projection = projection;
	}

	/** Every KPI with its numerator and denominator: {@code ?client=acme&from=2026-11-01&to=2026-12-01&asOf=…&groupBy=tier}. */
	@GetMapping("/kpis")
	KpiEngine.Report kpis(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String windowDays,
			@RequestParam(required = false) String queue) {
		return engine.report(caller, new KpiEngine.Question(client, from, to, asOf, groupBy, windowDays, queue));
	}

	/** The same as CSV: kpi,group,value,numerator,denominator. */
	@GetMapping(value = "/kpis.csv", produces = "text/csv")
	ResponseEntity<String> csv(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String windowDays,
			@RequestParam(required = false) String queue) {
		var report = engine.report(caller, new KpiEngine.Question(client, from, to, asOf, groupBy, windowDays, queue));
		String body = "kpi,group,value,numerator,denominator\n"
				+ report.kpis().stream().map(KpiApiController::line).collect(Collectors.joining());
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpis.csv\"").body(body);
	}

	@GetMapping("/kpis/projection")
	KpiProjection.Progress progress() {
		return projection.progress();
	}

	/** Forgets the facts and replays every event; follow {@code GET /api/v1/kpis/projection} for progress. */
	@PostMapping("/kpis/projection/rebuild")
	ResponseEntity<KpiProjection.Progress> rebuild(Caller caller) {
		return ResponseEntity.accepted().body(projection.rebuild(caller));
	}

	private static String line(KpiValue v) {
		return String.join(",", v.kpi(), quoted(v.group()), v.value() == null ? "" : number(v.value()), number(v.numerator()),
				v.denominator() == null ? "" : number(v.denominator())) + "\n";
	}

	private static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
	}

	/** RFC 4180 quoting, and no leading = + - @ that a spreadsheet would run as a formula. */
	private static String quoted(String text) {
		String safe = text.matches("^[=+\\-@].*") ? "'" + text : text;
		return safe.matches(".*[\",\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}
}
