package io.tierline.knowledge.web;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.InvalidInputException;
import io.tierline.common.Keyset;
import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.ArticleStatus;
import io.tierline.knowledge.internal.ArticleAccess;
import io.tierline.knowledge.internal.ArticleLibrary;
import io.tierline.knowledge.internal.ArticleWorkflow;
import io.tierline.ticket.TicketManagement;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The knowledge base's pages for staff: the library, an article with its versions, the editor, the workflow buttons. */
@Controller
class KnowledgePageController {

	private final ArticleLibrary library;
	private final ArticleWorkflow workflow;
	private final ArticleAccess rights;
	private final AccessManagement access;
	private final TicketManagement tickets;

	KnowledgePageController(ArticleLibrary library, ArticleWorkflow workflow, ArticleAccess rights, AccessManagement access,
			TicketManagement tickets) {
		this.library = library;
		this.workflow = workflow;
		this.rights = rights;
		this.access = access;
		this.tickets = tickets;
	}

	@GetMapping("/knowledge")
	String list(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String product,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		if (!library.readsAsStaff(caller)) {
			return "redirect:/help";
		}
		var query = new ArticleLibrary.Query(client, status, kind, product, q);
		model.addAttribute("page", library.list(caller, query, false, Keyset.decode(cursor, "cursor"), 50));
		model.addAttribute("query", query);
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("kinds", ArticleKind.values());
		model.addAttribute("mayDraft", !rights.draftableClients(caller).isEmpty());
		return htmx != null ? "knowledge/list :: rows" : "knowledge/list";
	}

	@GetMapping("/knowledge/{id}")
	String article(Caller caller, @PathVariable long id, Model model) {
		var article = library.get(caller, id);
		if (!library.readsAsStaff(caller)) {
			return "redirect:/help/" + id;
		}
		model.addAttribute("article", article);
		model.addAttribute("versions", library.versions(caller, id));
		model.addAttribute("history", library.transitions(caller, id));
		return "knowledge/article";
	}

	@GetMapping("/knowledge/{id}/diff")
	String diff(Caller caller, @PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
		model.addAttribute("article", library.get(caller, id));
		model.addAttribute("diff", library.diff(caller, id, from, to));
		return "knowledge/diff";
	}

	/** The editor; {@code fromTicket} pre-fills it from a solved ticket's thread (knowledge contribution). */
	@GetMapping("/knowledge/new")
	String newForm(Caller caller, @RequestParam(required = false) String kind, @RequestParam(required = false) String fromTicket,
			Model model) {
		ArticleForm form = ArticleForm.blank(null, kind == null ? "HOW_TO" : kind, "", "", fromTicket);
		if (fromTicket != null && !fromTicket.isBlank()) {
			var ticket = tickets.visible(caller, fromTicket);
			form = ArticleForm.blank(ticket.client(), "TROUBLESHOOTING", ticket.subject(), fromThread(ticket.id(), ticket.subject()),
					ticket.number());
		}
		return form(caller, null, form, List.of(), model);
	}

	@PostMapping("/knowledge")
	String create(Caller caller, @RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		ArticleForm form = ArticleForm.read(params);
		try {
			long id = workflow.create(caller, form.input()).id();
			flash.addFlashAttribute("notice", "Draft saved" + (form.fromTicket() == null || form.fromTicket().isBlank() ? "."
					: " and linked to " + form.fromTicket() + "."));
			return "redirect:/knowledge/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(422);
			return form(caller, null, form.withSpareNodes(), invalid.problems(), model);
		}
	}

	@GetMapping("/knowledge/{id}/edit")
	String editForm(Caller caller, @PathVariable long id, Model model) {
		return form(caller, id, ArticleForm.of(library.get(caller, id)), List.of(), model);
	}

	@PostMapping("/knowledge/{id}")
	String revise(Caller caller, @PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		ArticleForm form = ArticleForm.read(params);
		try {
			workflow.revise(caller, id, form.input());
			flash.addFlashAttribute("notice", "New version saved as a draft.");
			return "redirect:/knowledge/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(422);
			return form(caller, id, form.withSpareNodes(), invalid.problems(), model);
		}
	}

	/** submit, publish, reject, archive or restore. */
	@PostMapping("/knowledge/{id}/{action:submit|publish|reject|archive|restore}")
	String move(Caller caller, @PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		var article = switch (action) {
			case "submit" -> workflow.submit(caller, id, note);
			case "publish" -> workflow.publish(caller, id, note);
			case "reject" -> workflow.reject(caller, id, note);
			case "archive" -> workflow.archive(caller, id, note);
			default -> workflow.restore(caller, id, note);
		};
		flash.addFlashAttribute("notice", article.reference() + " is now " + article.status() + ".");
		return "redirect:/knowledge/" + id;
	}

	private String form(Caller caller, Long id, ArticleForm form, List<io.tierline.common.FieldProblem> problems, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("clients", rights.draftableClients(caller));
		model.addAttribute("kinds", ArticleKind.values());
		return "knowledge/form";
	}

	/** The ticket's public thread as the first draft of a troubleshooting article. */
	private String fromThread(long ticketId, String subject) {
		return "## Symptoms\n\n" + subject + "\n\n## Thread\n\n" + tickets.textOf(ticketId, 4000)
				+ "\n\n## Resolution\n\n(what solved it)\n";
	}
}
