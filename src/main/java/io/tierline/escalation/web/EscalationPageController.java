package io.tierline.escalation.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.FieldProblem;
import io.tierline.common.InputCheck;
import io.tierline.common.InvalidInputException;
import io.tierline.common.Keyset;
import io.tierline.common.NotFoundException;
import io.tierline.escalation.internal.Escalation;
import io.tierline.escalation.internal.EscalationDecisions;
import io.tierline.escalation.internal.EscalationForm;
import io.tierline.escalation.internal.EscalationInbox;
import io.tierline.escalation.internal.EscalationPanel;
import io.tierline.escalation.internal.EscalationWorkflow;
import io.tierline.ticket.TicketManagement;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The escalation block on the ticket page, the escalate form, and the inbox of a tier. */
@Controller
class EscalationPageController {

	private final EscalationPanel panel;
	private final EscalationForm form;
	private final EscalationWorkflow workflow;
	private final EscalationDecisions decisions;
	private final EscalationInbox inbox;
	private final TicketManagement tickets;
	private final java.time.Clock clock;

	EscalationPageController(EscalationPanel panel, EscalationForm form, EscalationWorkflow workflow,
			EscalationDecisions decisions, EscalationInbox inbox, TicketManagement tickets, java.time.Clock clock) {
		this.clock = clock;
		this.panel = panel;
		this.form = form;
		this.workflow = workflow;
		this.decisions = decisions;
		this.inbox = inbox;
		this.tickets = tickets;
	}

	/** Loaded by htmx at the top of the ticket page. */
	@GetMapping("/tickets/{ref}/escalation")
	String panel(Caller caller, @PathVariable String ref, Model model) {
		model.addAttribute("view", panel.of(caller, ref));
		model.addAttribute("reasons", Escalation.ReturnReason.values());
		model.addAttribute("vendorStatuses", Escalation.VendorStatus.values());
		return "escalation/panel :: panel";
	}

	/** Query parameters pre-fill the form (e.g. a diagnostic tree's answers: {@code stepsAttempted}, {@code env.<key>}). */
	@GetMapping("/tickets/{ref}/escalate")
	String escalateForm(Caller caller, @PathVariable String ref, @RequestParam Map<String, String> prefill, Model model) {
		return formPage(caller, ref, prefill, Map.of(), model);
	}

	@PostMapping("/tickets/{ref}/escalate")
	String escalate(Caller caller, @PathVariable String ref, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		var check = new InputCheck();
		Map<String, String> environment = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith("env.") && !values.isEmpty() && !values.get(0).isBlank()) {
				environment.put(name.substring(4), values.get(0));
			}
		});
		Integer customers = null;
		String customersText = params.getFirst("customersAffected");
		if (customersText != null && !customersText.isBlank()) {
			try {
				customers = Integer.valueOf(customersText.strip());
			}
			catch (NumberFormatException e) {
				check.add("customersAffected", "must be a whole number");
			}
		}
		String vendorName = params.getFirst("vendorName");
		var vendor = vendorName == null || vendorName.isBlank() ? null
				: new EscalationWorkflow.VendorInput(vendorName, params.getFirst("vendorReference"), null);
		String knownIssueText = params.getFirst("knownIssue");
		Long knownIssue = null;
		if (knownIssueText != null && !knownIssueText.isBlank()) {
			try {
				knownIssue = Long.valueOf(knownIssueText.strip());
			}
			catch (NumberFormatException e) {
				check.add("knownIssue", "must be the id of a known issue");
			}
		}
		var request = new EscalationWorkflow.Request(params.getFirst("toTier"), params.getFirst("criterion"),
				lines(params.getFirst("stepsAttempted")), environment, params.getFirst("errorMessages"),
				params.getFirst("reproductionSteps"), params.getFirst("customerImpact"), customers, knownIssue, vendor);
		try {
			Escalation e = workflow.escalate(caller, ref, request, check);
			flash.addFlashAttribute("notice", ref + " escalated to " + e.toTier() + ".");
			return "redirect:" + (stillVisible(caller, ref) ? "/tickets/" + ref : "/tickets");
		}
		catch (InvalidInputException invalid) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem p : invalid.problems()) {
				errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b);
			}
			response.setStatus(422);
			return formPage(caller, ref, params.toSingleValueMap(), errors, model);
		}
	}

	private String formPage(Caller caller, String ref, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("template", form.template(caller, ref));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return "escalation/escalate";
	}

	@PostMapping("/escalations/{id}/decision")
	String decide(Caller caller, @PathVariable long id, @RequestParam String decision,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String note,
			@RequestParam(required = false) String back, RedirectAttributes flash) {
		Escalation e = decisions.decide(caller, id, new EscalationDecisions.Decision(decision, blank(reason), blank(note)));
		String number = form.ticketNumber(e);
		flash.addFlashAttribute("notice", number + (e.state() == Escalation.State.ACCEPTED ? " accepted at " + e.toTier()
				: " returned to " + e.fromTier()) + ".");
		if ("inbox".equals(back) || !stillVisible(caller, number)) {
			return "redirect:/escalations";
		}
		return "redirect:/tickets/" + number;
	}

	@PostMapping("/escalations/{id}/vendor")
	String vendor(Caller caller, @PathVariable long id, @RequestParam String name, @RequestParam(required = false) String reference,
			@RequestParam String status, RedirectAttributes flash) {
		Escalation e = decisions.vendorUpdate(caller, id, new EscalationWorkflow.VendorInput(name, blank(reference), status));
		String number = form.ticketNumber(e);
		flash.addFlashAttribute("notice", "Vendor progress recorded.");
		return "redirect:/tickets/" + number;
	}

	@GetMapping("/escalations")
	String inbox(Caller caller, @RequestParam(required = false) String state, @RequestParam(required = false) String toTier,
			@RequestParam(required = false) String cursor, Model model) {
		var page = inbox.list(caller, state, toTier, null, Keyset.decode(cursor, "cursor"), 50);
		model.addAttribute("page", page);
		model.addAttribute("now", clock.instant());
		model.addAttribute("state", state == null ? "PENDING" : state);
		model.addAttribute("toTier", toTier == null ? "T3" : toTier);
		model.addAttribute("states", Escalation.State.values());
		model.addAttribute("reasons", Escalation.ReturnReason.values());
		return "escalation/inbox";
	}

	private boolean stillVisible(Caller caller, String ref) {
		try {
			tickets.visible(caller, ref);
			return true;
		}
		catch (NotFoundException gone) {
			return false;
		}
	}

	private static List<String> lines(String text) {
		return text == null ? null : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
