package io.tierline.escalation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.FieldProblem;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import io.tierline.escalation.internal.CaptureField;
import io.tierline.escalation.internal.CategoryPolicy;
import io.tierline.escalation.internal.Criterion;
import io.tierline.escalation.internal.EscalationPolicyAdmin;
import io.tierline.escalation.internal.EscalationPolicyAdmin.CriterionInput;
import io.tierline.escalation.internal.EscalationPolicyAdmin.FieldInput;
import io.tierline.ticket.Severity;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for a client's tier model: settings and thresholds, categories and their templates, criteria. */
@Controller
class EscalationAdminPageController {

	private final EscalationPolicyAdmin admin;
	private final AccessManagement access;

	EscalationAdminPageController(EscalationPolicyAdmin admin, AccessManagement access) {
		this.admin = admin;
		this.access = access;
	}

	@GetMapping("/admin/escalation")
	String choose(Caller caller, @RequestParam(required = false) String client) {
		if (client != null) {
			return "redirect:/admin/escalation/" + client;
		}
		ClientRef first = access.clients().stream()
			.filter(c -> caller.isProviderAdmin() || caller.isClientAdmin(c.id())).findFirst()
			.orElseThrow(() -> new NotFoundException("A client you administer"));
		return "redirect:/admin/escalation/" + first.slug();
	}

	@GetMapping("/admin/escalation/{client}")
	String policy(Caller caller, @PathVariable String client, Model model) {
		model.addAttribute("policy", admin.policy(caller, client));
		model.addAttribute("clients", access.clients().stream()
			.filter(c -> caller.isProviderAdmin() || caller.isClientAdmin(c.id())).toList());
		model.addAttribute("categories", access.categories(access.clientBySlug(client).orElseThrow().id()));
		model.addAttribute("severities", Severity.values());
		model.addAttribute("criterion", null);
		return "escalation/admin";
	}

	@PostMapping("/admin/escalation/{client}/settings")
	String settings(Caller caller, @PathVariable String client, @RequestParam(defaultValue = "false") boolean p1DirectToT3,
			@RequestParam(required = false) Integer knownIssueThreshold, @RequestParam(required = false) String engineeringContact,
			RedirectAttributes flash) {
		admin.saveSettings(caller, client, new EscalationPolicyAdmin.SettingsInput(p1DirectToT3, knownIssueThreshold, engineeringContact));
		flash.addFlashAttribute("notice", "Settings saved.");
		return "redirect:/admin/escalation/" + client;
	}

	@GetMapping("/admin/escalation/{client}/categories/{category}")
	String category(Caller caller, @PathVariable String client, @PathVariable String category, Model model) {
		var policy = admin.policy(caller, client);
		var view = policy.categories().stream().filter(c -> c.slug().equals(category)).findFirst()
			.orElseThrow(() -> new NotFoundException("Category " + category));
		List<FieldInput> rows = new ArrayList<>(view.policy().template().fields().stream()
			.map(f -> new FieldInput(f.key(), f.label(), f.type().name(), f.required(), f.options())).toList());
		return categoryPage(client, view.slug(), view.name(), view.policy().handling().name(),
				view.policy().ownerTier() == null ? "" : view.policy().ownerTier().name(), rows, List.of(), model);
	}

	@PostMapping("/admin/escalation/{client}/categories/{category}")
	String saveCategory(Caller caller, @PathVariable String client, @PathVariable String category, @RequestParam String handling,
			@RequestParam(required = false) String ownerTier, @RequestParam(name = "key", required = false) List<String> keys,
			@RequestParam(name = "label", required = false) List<String> labels,
			@RequestParam(name = "type", required = false) List<String> types,
			@RequestParam(name = "required", required = false) List<String> required,
			@RequestParam(name = "options", required = false) List<String> options, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		List<FieldInput> rows = new ArrayList<>();
		for (int i = 0; keys != null && i < keys.size(); i++) {
			if (keys.get(i).isBlank() && labels.get(i).isBlank()) {
				continue;
			}
			rows.add(new FieldInput(keys.get(i).strip(), labels.get(i), types.get(i), "yes".equals(required.get(i)),
					Arrays.stream(options.get(i).split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList()));
		}
		try {
			admin.saveCategoryPolicy(caller, client, category, new EscalationPolicyAdmin.CategoryPolicyInput(handling,
					ownerTier == null || ownerTier.isBlank() ? null : ownerTier, rows));
			flash.addFlashAttribute("notice", "Category " + category + " saved.");
			return "redirect:/admin/escalation/" + client;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(422);
			return categoryPage(client, category, category, handling, ownerTier, rows, invalid.problems(), model);
		}
	}

	private String categoryPage(String client, String slug, String name, String handling, String ownerTier, List<FieldInput> rows,
			List<FieldProblem> problems, Model model) {
		List<FieldInput> withBlanks = new ArrayList<>(rows);
		for (int i = 0; i < 3; i++) {
			withBlanks.add(new FieldInput("", "", "TEXT", false, List.of()));
		}
		model.addAttribute("client", client);
		model.addAttribute("slug", slug);
		model.addAttribute("name", name);
		model.addAttribute("handling", handling);
		model.addAttribute("ownerTier", ownerTier);
		model.addAttribute("rows", withBlanks);
		model.addAttribute("problems", problems);
		model.addAttribute("types", CaptureField.Type.values());
		model.addAttribute("handlings", CategoryPolicy.Handling.values());
		return "escalation/admin-category";
	}

	@PostMapping("/admin/escalation/{client}/criteria")
	String createCriterion(Caller caller, @PathVariable String client, CriterionForm form, RedirectAttributes flash) {
		admin.createCriterion(caller, client, form.input());
		flash.addFlashAttribute("notice", "Criterion " + form.code() + " created.");
		return "redirect:/admin/escalation/" + client;
	}

	@PostMapping("/admin/escalation/criteria/{id}")
	String updateCriterion(Caller caller, @PathVariable long id, CriterionForm form, RedirectAttributes flash) {
		Criterion c = admin.updateCriterion(caller, id, form.input());
		flash.addFlashAttribute("notice", "Criterion " + c.code() + " saved.");
		return "redirect:/admin/escalation/" + access.organization(c.clientId()).slug();
	}

	@PostMapping("/admin/escalation/criteria/{id}/retire")
	String retireCriterion(Caller caller, @PathVariable long id, RedirectAttributes flash) {
		Criterion c = admin.retireCriterion(caller, id);
		flash.addFlashAttribute("notice", "Criterion " + c.code() + " retired.");
		return "redirect:/admin/escalation/" + access.organization(c.clientId()).slug();
	}

	/** The criterion form; check boxes arrive only when ticked. */
	record CriterionForm(String code, String name, String description, String category, List<String> toTiers,
			Boolean suspectedDefect, String maxSeverity, Integer minCustomersAffected, Boolean allowsTierSkip, Boolean active) {

		CriterionInput input() {
			return new CriterionInput(code, name, description, blank(category), toTiers, Boolean.TRUE.equals(suspectedDefect),
					blank(maxSeverity), minCustomersAffected, Boolean.TRUE.equals(allowsTierSkip), active == null || active);
		}

		private static String blank(String s) {
			return s == null || s.isBlank() ? null : s;
		}
	}
}
