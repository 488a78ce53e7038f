package io.tierline.kpi.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import io.tierline.common.web.HtmlToPdf;
import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Dashboards (per client for its admins, per team and agent for leads), the parallel-run report
 * (internal and external teams side by side) and the monthly performance report as a page and a PDF.
 */
@Controller
class KpiReportPageController {

	private final KpiReports reports;
	private final AccessManagement access;
	private final ITemplateEngine templates;
	private final Clock clock;

	KpiReportPageController(KpiReports reports, AccessManagement access, ITemplateEngine templates, Clock clock) {
		this.reports = reports;
		this.access = access;
		this.templates = templates;
		this.clock = clock;
	}

	@GetMapping("/dashboards")
	String dashboard(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String by,
			@RequestParam(required = false) String group, @RequestParam(defaultValue = "6") int months, Model model) {
		ClientRef chosen = client(caller, client);
		String groupBy = by == null || by.isBlank() ? null : by.strip().toLowerCase();
		if (groupBy != null && !List.of("team", "agent", "internal", "tier", "channel", "category").contains(groupBy)) {
			throw InvalidInputException.of("by", "one of team, agent, internal, tier, channel, category");
		}
		if (months < 2 || months > 24) {
			throw InvalidInputException.of("months", "must be between 2 and 24");
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate from = today.minusDays(30);
		LocalDate to = today.plusDays(1);
		model.addAttribute("clients", visible(caller));
		model.addAttribute("client", chosen.slug());
		model.addAttribute("by", groupBy);
		model.addAttribute("group", group);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("headline", reports.headline(caller, chosen.slug(), from, to, null));
		model.addAttribute("grouped", groupBy == null ? List.of() : reports.headline(caller, chosen.slug(), from, to, groupBy));
		model.addAttribute("trends", reports.trends(caller, chosen.slug(), months, YearMonth.from(today), groupBy, group));
		model.addAttribute("csv", "/api/v1/kpis.csv?client=" + chosen.slug() + "&from=" + from + "&to=" + to
				+ (groupBy == null ? "" : "&groupBy=" + groupBy));
		return "kpi/dashboard";
	}

	@GetMapping("/reports/parallel-run")
	String parallelRun(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String queue, Model model) {
		ClientRef chosen = client(caller, client);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate start = date(from, "from", today.minusDays(30));
		LocalDate end = date(to, "to", today.plusDays(1));
		String onQueue = queue == null || queue.isBlank() ? null : queue.strip();
		var values = reports.all(caller, chosen.slug(), onQueue, start, end, "internal");
		model.addAttribute("queues", access.queues(chosen.id()));
		model.addAttribute("queue", onQueue);
		model.addAttribute("clients", visible(caller));
		model.addAttribute("client", chosen.slug());
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("rows", ParallelRun.rows(values));
		model.addAttribute("csv", "/api/v1/kpis.csv?client=" + chosen.slug() + "&from=" + start + "&to=" + end + "&groupBy=internal"
				+ (onQueue == null ? "" : "&queue=" + onQueue));
		return "kpi/parallel-run";
	}

	@GetMapping("/reports/monthly")
	String monthly(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String month,
			Model model) {
		ClientRef chosen = client(caller, client);
		model.addAttribute("clients", visible(caller));
		model.addAttribute("report", reports.month(caller, chosen.slug(), month(month)));
		return "kpi/monthly";
	}

	@GetMapping("/reports/monthly.pdf")
	ResponseEntity<byte[]> monthlyPdf(Caller caller, @RequestParam(required = false) String client,
			@RequestParam(required = false) String month, HttpServletRequest request) {
		ClientRef chosen = client(caller, client);
		var report = reports.month(caller, chosen.slug(), month(month));
		Context context = new Context();
		context.setVariable("report", report);
		String html = templates.process("kpi/monthly-print", context);
		byte[] pdf = HtmlToPdf.render(html, ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("tierline-" + chosen.slug() + "-" + report.month() + ".pdf").build().toString())
			.body(pdf);
	}

	private YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).minusMonths(1);
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of("month", "must be a month such as 2026-10");
		}
	}

	private static LocalDate date(String value, String field, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "must be a date such as 2026-11-01");
		}
	}

	/** The client asked for, or the first the caller may read; a client they may not read does not exist for them. */
	private ClientRef client(Caller caller, String slug) {
		List<ClientRef> visible = visible(caller);
		if (slug == null || slug.isBlank()) {
			return visible.stream().findFirst().orElseThrow(() -> new NotFoundException("Client"));
		}
		return visible.stream().filter(c -> c.slug().equalsIgnoreCase(slug.strip())).findFirst()
			.orElseThrow(() -> new NotFoundException("Client " + slug));
	}

	private List<ClientRef> visible(Caller caller) {
		return access.clients().stream().filter(c -> caller.readsWholeClient(c.id()) || caller.worksFor(c.id())).toList();
	}
}
