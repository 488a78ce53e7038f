package io.tierline.escalation.web;

import java.util.ArrayList;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.FieldProblem;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import io.tierline.common.Keyset;
import io.tierline.escalation.KnownIssueStatus;
import io.tierline.escalation.internal.KnownIssue;
import io.tierline.escalation.internal.KnownIssueAccess;
import io.tierline.escalation.internal.KnownIssueBulkReply;
import io.tierline.escalation.internal.KnownIssueDetails;
import io.tierline.escalation.internal.KnownIssueDraft;
import io.tierline.escalation.internal.KnownIssueLibrary;
import io.tierline.escalation.internal.KnownIssueLinking;
import io.tierline.escalation.internal.KnownIssueSignature;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The library's pages: the list with filters, an issue with its linked tickets, the form, the bulk reply. */
@Controller
class KnownIssuePageController {

	private final KnownIssueLibrary library;
	private final KnownIssueLinking linking;
	private final KnownIssueBulkReply bulkReply;
	private final KnownIssueAccess rights;

	KnownIssuePageController(KnownIssueLibrary library, KnownIssueLinking linking, KnownIssueBulkReply bulkReply,
			KnownIssueAccess rights) {
		this.library = library;
		this.linking = linking;
		this.bulkReply = bulkReply;
		this.rights = rights;
	}

	/**
	 * The form as posted: signatures one a line, a line starting with {@code re:} is a regular
	 * expression, any other a literal text.
	 */
	record Form(String client, String title, String symptoms, String signatures, String workaround, String status,
			String fixedInVersion, String product) {

		static Form empty() {
			return new Form(null, "", "", "", "", "OPEN", "", "");
		}

		static Form of(KnownIssueDetails k) {
			StringBuilder lines = new StringBuilder();
			for (KnownIssueSignature s : k.signatures()) {
				lines.append(s.kind() == KnownIssueSignature.Kind.REGEX ? "re:" : "").append(s.pattern()).append('\n');
			}
			return new Form(k.client(), k.title(), k.symptoms(), lines.toString(), k.workaround(), k.status().name(),
					k.fixedInVersion(), k.product());
		}

		KnownIssueDraft.Input input() {
			List<KnownIssueSignature.Input> parsed = new ArrayList<>();
			for (String line : (signatures == null ? "" : signatures).split("\\R")) {
				if (line.isBlank()) {
					continue;
				}
				boolean regex = line.startsWith("re:");
				parsed.add(new KnownIssueSignature.Input(regex ? "REGEX" : "LITERAL", regex ? line.substring(3) : line));
			}
			return new KnownIssueDraft.Input(client, title, symptoms, parsed, workaround, status, fixedInVersion, product);
		}
	}

	@GetMapping("/known-issues")
	String list(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		var query = new KnownIssueLibrary.Query(blank(client), blank(status), blank(q));
		model.addAttribute("page", library.list(caller, query, Keyset.decode(cursor, "cursor"), 50));
		model.addAttribute("query", query);
		model.addAttribute("clients", rights.readableClients(caller));
		model.addAttribute("statuses", KnownIssueStatus.values());
		model.addAttribute("mayCreate", !rights.editableClients(caller).isEmpty());
		return htmx != null ? "escalation/known-issue-list :: rows" : "escalation/known-issue-list";
	}

	@GetMapping("/known-issues/new")
	String newIssue(Caller caller, Model model) {
		if (rights.editableClients(caller).isEmpty()) {
			throw new ForbiddenException("Only T2 and T3 agents and admins record known issues");
		}
		return form(caller, Form.empty(), null, List.of(), model);
	}

	@PostMapping("/known-issues")
	String create(Caller caller, @ModelAttribute Form form, Model model, HttpServletResponse response) {
		try {
			return "redirect:/known-issues/" + library.create(caller, form.input()).id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(caller, form, null, e.problems(), model);
		}
	}

	@GetMapping("/known-issues/{id}")
	String issue(Caller caller, @PathVariable long id, Model model) {
		return page(caller, id, null, model);
	}

	/** More linked tickets: the rows for htmx, the whole page (at that page of tickets) without it. */
	@GetMapping("/known-issues/{id}/tickets")
	String tickets(Caller caller, @PathVariable long id, @RequestParam(required = false) String cursor,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		String page = page(caller, id, Keyset.decode(cursor, "cursor"), model);
		return htmx != null ? page + " :: tickets" : page;
	}

	@GetMapping("/known-issues/{id}/edit")
	String edit(Caller caller, @PathVariable long id, Model model) {
		KnownIssueDetails details = library.details(library.get(caller, id));
		return form(caller, Form.of(details), id, List.of(), model);
	}

	@PostMapping("/known-issues/{id}")
	String update(Caller caller, @PathVariable long id, @ModelAttribute Form form, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		try {
			library.update(caller, id, form.input());
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(caller, form, id, e.problems(), model);
		}
		flash.addFlashAttribute("notice", "Known issue saved.");
		return "redirect:/known-issues/" + id;
	}

	@PostMapping("/known-issues/{id}/status")
	String status(Caller caller, @PathVariable long id, @RequestParam String status,
			@RequestParam(required = false) String fixedInVersion, RedirectAttributes flash) {
		library.changeStatus(caller, id, status, fixedInVersion);
		flash.addFlashAttribute("notice", "Status changed to " + status + ".");
		return "redirect:/known-issues/" + id;
	}

	@PostMapping("/known-issues/{id}/bulk-reply")
	String bulkReply(Caller caller, @PathVariable long id, @RequestParam String body, RedirectAttributes flash) {
		var result = bulkReply.reply(caller, id, body);
		flash.addFlashAttribute("notice", "Replied to " + result.replied() + " tickets, " + result.held()
				+ " held for approval, " + result.skipped() + " skipped.");
		flash.addFlashAttribute("skips", result.skips());
		return "redirect:/known-issues/" + id;
	}

	@PostMapping("/known-issues/{id}/delete")
	String delete(Caller caller, @PathVariable long id, RedirectAttributes flash) {
		library.delete(caller, id);
		flash.addFlashAttribute("notice", "Known issue deleted.");
		return "redirect:/known-issues";
	}

	private String page(Caller caller, long id, Keyset ticketsAfter, Model model) {
		KnownIssue issue = library.get(caller, id);
		KnownIssueDetails details = library.details(issue);
		model.addAttribute("issue", details);
		model.addAttribute("tickets", linking.tickets(caller, id, ticketsAfter, 50));
		model.addAttribute("statuses", KnownIssueStatus.values());
		model.addAttribute("mayEdit", rights.mayEdit(caller, issue.clientId()));
		model.addAttribute("mayWork", rights.mayWork(caller, issue.clientId()));
		model.addAttribute("mayDelete", caller.isProviderAdmin() || caller.isClientAdmin(issue.clientId()));
		model.addAttribute("bulkReplyText", bulkReplyText(details));
		return "escalation/known-issue";
	}

	private String form(Caller caller, Form form, Long id, List<FieldProblem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("problems", problems);
		model.addAttribute("clients", rights.editableClients(caller));
		model.addAttribute("statuses", KnownIssueStatus.values());
		return "escalation/known-issue-form";
	}

	/** SPEC §3: the one-click reply of a fixed issue, ready to send or to adjust. */
	static String bulkReplyText(KnownIssueDetails issue) {
		String version = issue.fixedInVersion() == null ? "the latest version" : "version " + issue.fixedInVersion();
		return "Good news: the problem you reported (" + issue.title() + ") is fixed in " + version
				+ ". Please update to " + version + " and let us know if it still happens; otherwise no reply is needed.";
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
