package io.tierline.triage.web;

import java.util.stream.Collectors;

import io.tierline.access.Caller;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import io.tierline.triage.internal.TicketTriage;
import io.tierline.triage.internal.TriageAdmin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage admin page per client (threshold, rules, train now with a progress bar, versions,
 * online accuracy) and the suggestion panel on the ticket page (htmx fragments).
 */
@Controller
class TriagePageController {

	private final TriageAdmin admin;
	private final TicketTriage triage;

	TriagePageController(TriageAdmin admin, TicketTriage triage) {
		this.admin = admin;
		this.triage = triage;
	}

	@GetMapping("/admin/triage")
	String first(Caller caller) {
		var mine = admin.administered(caller);
		if (mine.isEmpty()) {
			throw new ForbiddenException("Only the provider's or a client's admins set up triage");
		}
		return "redirect:/admin/triage/" + mine.get(0).slug();
	}

	@GetMapping("/admin/triage/{client}")
	String page(Caller caller, @PathVariable String client, Model model) {
		model.addAttribute("settings", admin.settings(caller, client));
		model.addAttribute("client", client);
		model.addAttribute("clients", admin.administered(caller));
		model.addAttribute("rules", admin.rules(caller, client));
		model.addAttribute("models", admin.models(caller, client, null, 20));
		model.addAttribute("accuracy", admin.accuracy(caller, client, 90));
		return "triage/admin";
	}

	@PostMapping("/admin/triage/{client}/settings")
	String saveSettings(Caller caller, @PathVariable String client, @RequestParam(required = false) Double threshold,
			@RequestParam(defaultValue = "false") boolean autoApply, @RequestParam(required = false) Integer minExamples,
			RedirectAttributes flash) {
		try {
			admin.saveSettings(caller, client, threshold, autoApply, minExamples);
			flash.addFlashAttribute("notice", "Saved.");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("error", problems(e));
		}
		return "redirect:/admin/triage/" + client;
	}

	@PostMapping("/admin/triage/{client}/rules")
	String addRule(Caller caller, @PathVariable String client, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) String category, @RequestParam(required = false) String queue,
			@RequestParam(required = false) String severity, RedirectAttributes flash) {
		try {
			admin.addRule(caller, client, new TriageAdmin.RuleInput(keyword, category, queue, severity, null));
			flash.addFlashAttribute("notice", "Rule added.");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("error", problems(e));
		}
		return "redirect:/admin/triage/" + client;
	}

	@PostMapping("/admin/triage/{client}/rules/{id}/delete")
	String deleteRule(Caller caller, @PathVariable String client, @PathVariable long id, RedirectAttributes flash) {
		admin.deleteRule(caller, client, id);
		flash.addFlashAttribute("notice", "Rule deleted.");
		return "redirect:/admin/triage/" + client;
	}

	/** htmx: starts a training and answers the progress fragment, which polls itself until done. */
	@PostMapping("/admin/triage/{client}/training")
	String train(Caller caller, @PathVariable String client, Model model) {
		model.addAttribute("model", admin.train(caller, client));
		model.addAttribute("client", client);
		return "triage/progress :: progress";
	}

	@GetMapping("/admin/triage/{client}/models/{id}/progress")
	String progress(Caller caller, @PathVariable String client, @PathVariable long id, Model model) {
		model.addAttribute("model", admin.model(caller, client, id));
		model.addAttribute("client", client);
		return "triage/progress :: progress";
	}

	/** htmx: the suggestion panel of the ticket page (empty for requesters and tickets without one). */
	@GetMapping("/triage/tickets/{ref}/suggestion")
	String suggestion(Caller caller, @PathVariable String ref, Model model) {
		try {
			model.addAttribute("s", triage.suggestionFor(caller, ref));
		}
		catch (NotFoundException e) {
			model.addAttribute("s", null);
		}
		model.addAttribute("ref", ref);
		return "triage/suggestion :: panel";
	}

	@PostMapping("/triage/tickets/{ref}/suggestion/accept")
	String accept(Caller caller, @PathVariable String ref, Model model) {
		try {
			model.addAttribute("s", triage.accept(caller, ref));
			model.addAttribute("notice", "Applied.");
		}
		catch (ConflictException e) {
			model.addAttribute("s", triage.suggestionFor(caller, ref));
			model.addAttribute("error", e.getMessage());
		}
		model.addAttribute("ref", ref);
		return "triage/suggestion :: panel";
	}

	private static String problems(InvalidInputException e) {
		return e.problems().stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
	}
}
