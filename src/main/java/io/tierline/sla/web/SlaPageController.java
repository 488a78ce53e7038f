package io.tierline.sla.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;
import io.tierline.sla.ClockKind;
import io.tierline.sla.internal.CalendarService;
import io.tierline.sla.internal.SlaAttainment;
import io.tierline.sla.internal.SlaPolicyAdmin;
import io.tierline.sla.internal.SlaReading;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SLA panel of a ticket, the attainment report, and the admin page for policy and calendars. */
@Controller
class SlaPageController {

	private final SlaReading reading;
	private final SlaPolicyAdmin admin;
	private final SlaAttainment attainment;
	private final CalendarService calendars;
	private final AccessManagement access;

	SlaPageController(SlaReading reading, SlaPolicyAdmin admin, SlaAttainment attainment, CalendarService calendars,
			AccessManagement access) {
		this.reading = reading;
		this.admin = admin;
		this.attainment = attainment;
		this.calendars = calendars;
		this.access = access;
	}

	@GetMapping("/tickets/{number}/sla")
	String ticketSla(Caller caller, @PathVariable String number, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("sla", reading.of(caller, number));
		return htmx != null ? "sla/panel :: panel" : "sla/ticket-sla";
	}

	@GetMapping("/sla/report")
	String report(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		model.addAttribute("report", attainment.report(caller, blank(client), from, to));
		model.addAttribute("client", blank(client));
		model.addAttribute("clients", access.clients().stream().filter(c -> CalendarService.reads(caller, c.id())).toList());
		return "sla/report";
	}

	@GetMapping("/admin/sla")
	String choose(Caller caller) {
		ClientRef first = access.clients().stream()
			.filter(c -> caller.isProviderAdmin() || caller.isClientAdmin(c.id())).findFirst()
			.orElseThrow(() -> new NotFoundException("A client you administer"));
		return "redirect:/admin/sla/" + first.slug();
	}

	@GetMapping("/admin/sla/{client}")
	String policy(Caller caller, @PathVariable String client, @RequestParam(defaultValue = "FIRST_RESPONSE") String matrix,
			Model model) {
		admin.requireEditor(caller, client);
		var policy = admin.policy(caller, client);
		ClockKind shown = Arrays.stream(ClockKind.values()).filter(k -> k.name().equalsIgnoreCase(matrix)).findFirst()
			.orElse(ClockKind.FIRST_RESPONSE);
		model.addAttribute("policy", policy);
		model.addAttribute("clients", access.clients().stream()
			.filter(c -> caller.isProviderAdmin() || caller.isClientAdmin(c.id())).toList());
		model.addAttribute("calendars", calendars.list(caller, client).stream().map(c -> new CalendarRow(c.id(), c.name(),
				c.calendar().zone().getId(), WeekText.format(c.calendar()),
				String.join(" ", new java.util.TreeSet<>(c.calendar().holidays()).stream().map(Object::toString).toList()))).toList());
		Map<Long, String> queueSlugs = queueSlugs(policy.client().id());
		model.addAttribute("rules", policy.rules().stream().map(r -> new RuleRow(r.id(), r.clock().name(), name(r.tier()),
				name(r.channel()), name(r.severity()), r.target().toString(), Durations.human(r.target()), r.businessTime(),
				r.notifyLead(), r.raiseSeverity(), r.reassignQueueId() == null ? "" : queueSlugs.get(r.reassignQueueId()))).toList());
		model.addAttribute("queues", access.queues(policy.client().id()));
		model.addAttribute("clocks", ClockKind.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("matrixClock", shown);
		model.addAttribute("matrix", matrix(caller, client, shown));
		return "sla/admin";
	}

	/** Rows tier × channel, columns severity: the target a new clock of this kind gets, or "—". */
	private Map<String, List<String>> matrix(Caller caller, String client, ClockKind kind) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (Tier tier : Tier.values()) {
			for (Channel channel : Channel.values()) {
				List<String> cells = new ArrayList<>();
				for (Severity severity : Severity.values()) {
					try {
						var rule = admin.resolve(caller, client, kind.name(), tier.name(), channel.name(), severity.name());
						cells.add(Durations.human(rule.target()) + (rule.businessTime() ? " bh" : " 24×7"));
					}
					catch (NotFoundException none) {
						cells.add("—");
					}
				}
				rows.put(tier + " " + channel, cells);
			}
		}
		return rows;
	}

	record CalendarRow(long id, String name, String zone, String week, String holidays) {
	}

	record RuleRow(Long id, String clock, String tier, String channel, String severity, String target, String targetText,
			boolean businessTime, boolean notifyLead, boolean raiseSeverity, String reassignQueue) {
	}

	private static String name(Enum<?> e) {
		return e == null ? "" : e.name();
	}

	private Map<Long, String> queueSlugs(long clientId) {
		Map<Long, String> slugs = new LinkedHashMap<>();
		access.queues(clientId).forEach(q -> slugs.put(q.id(), q.slug()));
		return slugs;
	}

	@PostMapping("/admin/sla/{client}/settings")
	String settings(Caller caller, @PathVariable String client, @RequestParam(required = false) Long calendar,
			@RequestParam(required = false) Integer warningPercent, RedirectAttributes flash) {
		return saved(flash, client, "Settings saved.",
				() -> admin.changeSettings(caller, client, new SlaPolicyAdmin.SettingsInput(calendar, warningPercent)));
	}

	@PostMapping("/admin/sla/{client}/rules")
	String addRule(Caller caller, @PathVariable String client, RuleForm form, RedirectAttributes flash) {
		return saved(flash, client, "Rule added; it applies to clocks that start from now on.",
				() -> admin.addRule(caller, client, form.input()));
	}

	@PostMapping("/admin/sla/rules/{id}")
	String changeRule(Caller caller, @PathVariable long id, @RequestParam String client, RuleForm form, RedirectAttributes flash) {
		return saved(flash, client, "Rule saved; running clocks keep the target they started with.",
				() -> admin.changeRule(caller, id, form.input()));
	}

	@PostMapping("/admin/sla/rules/{id}/delete")
	String deleteRule(Caller caller, @PathVariable long id, @RequestParam String client, RedirectAttributes flash) {
		return saved(flash, client, "Rule deleted.", () -> {
			admin.deleteRule(caller, id);
			return null;
		});
	}

	@PostMapping("/admin/sla/{client}/calendars")
	String saveCalendar(Caller caller, @PathVariable String client, @RequestParam(required = false) Long id,
			@RequestParam String name, @RequestParam String zone, @RequestParam String week,
			@RequestParam(defaultValue = "") String holidays, RedirectAttributes flash) {
		var input = new CalendarService.Input(client, name, zone, WeekText.parse(week), Arrays.stream(holidays.split("[\\s,]+"))
			.filter(s -> !s.isBlank()).toList());
		return saved(flash, client, "Calendar " + name + " saved.", () -> id == null ? calendars.create(caller, input)
				: calendars.update(caller, id, input));
	}

	/** Runs a change; a bad field comes back as a message on the page, naming the field. */
	private static String saved(RedirectAttributes flash, String client, String notice, java.util.function.Supplier<?> change) {
		try {
			change.get();
			flash.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException invalid) {
			// flash attributes live in the shared (JDBC) session: plain strings
			flash.addFlashAttribute("problems", new ArrayList<>(invalid.problems().stream().map(p -> p.field() + ": " + p.message()).toList()));
		}
		return "redirect:/admin/sla/" + client;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** The rule form: unchecked boxes send nothing, so they read as false. */
	record RuleForm(String clock, String tier, String channel, String severity, String target, String businessTime,
			String notifyLead, String raiseSeverity, String reassignQueue) {

		SlaPolicyAdmin.RuleInput input() {
			return new SlaPolicyAdmin.RuleInput(clock, tier == null ? "" : tier, channel == null ? "" : channel,
					severity == null ? "" : severity, target, "true".equals(businessTime), "true".equals(notifyLead),
					"true".equals(raiseSeverity), reassignQueue == null ? "" : reassignQueue);
		}
	}
}
