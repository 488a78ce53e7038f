package io.tierline.assist.web;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.assist.internal.AgentAssist;
import io.tierline.assist.internal.AssistUsage;
import io.tierline.assist.internal.ReplyDrafting;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The assist panel on the ticket page (htmx), the use buttons, and the usefulness report. */
@Controller
class AssistPageController {

	private final AgentAssist assist;
	private final ReplyDrafting drafting;
	private final AssistUsage usage;
	private final AccessManagement access;

	AssistPageController(AgentAssist assist, ReplyDrafting drafting, AssistUsage usage, AccessManagement access) {
		this.assist = assist;
		this.drafting = drafting;
		this.usage = usage;
		this.access = access;
	}

	/** htmx: the panel; a ticket above T2 or a caller who may not act on it gets a short note instead. */
	@GetMapping("/tickets/{ref}/assist")
	String panel(Caller caller, @PathVariable String ref, Model model) {
		model.addAttribute("ref", ref);
		try {
			model.addAttribute("a", assist.forTicket(caller, ref));
		}
		catch (ConflictException | ForbiddenException e) {
			model.addAttribute("unavailable", e.getMessage());
		}
		return "assist/panel :: panel";
	}

	/** htmx: asks the generative endpoint for a draft and shows it with a button that puts it in the reply box. */
	@PostMapping("/tickets/{ref}/assist/draft-reply")
	String draft(Caller caller, @PathVariable String ref, Model model) {
		model.addAttribute("ref", ref);
		try {
			model.addAttribute("draft", drafting.draft(caller, ref));
		}
		catch (ConflictException | ErrorResponseException e) {
			model.addAttribute("error", e instanceof ErrorResponseException r ? r.getBody().getDetail() : e.getMessage());
		}
		return "assist/panel :: draft";
	}

	/** Counts the use and goes where the suggestion leads; a reply draft lands in the ticket's reply box. */
	@PostMapping("/assist/suggestions/{id}/use")
	String use(Caller caller, @PathVariable long id, RedirectAttributes flash) {
		AssistUsage.Used used = usage.use(caller, id);
		if (used.kind() == io.tierline.assist.internal.SuggestionKind.REPLY_DRAFT) {
			flash.addFlashAttribute("draft", usage.contentOf(caller, id));
			flash.addFlashAttribute("notice", "The draft is in the reply box: check it, edit it and send it yourself.");
		}
		return "redirect:" + used.next();
	}

	@PostMapping("/assist/suggestions/{id}/note")
	String note(Caller caller, @PathVariable long id, RedirectAttributes flash) {
		AssistUsage.Used used = usage.addAsNote(caller, id);
		flash.addFlashAttribute("notice", "Added to " + used.ticket() + " as an internal note.");
		return "redirect:" + used.next();
	}

	@GetMapping("/reports/assist")
	String report(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) Integer days,
			Model model) {
		List<ClientRef> clients = access.clients().stream()
			.filter(c -> caller.readsWholeClient(c.id()) || caller.worksFor(c.id())).toList();
		String chosen = client != null ? client : clients.isEmpty() ? null : clients.get(0).slug();
		if (chosen == null) {
			throw new ForbiddenException("The assist report is for admins, auditors and team leads");
		}
		model.addAttribute("report", usage.report(caller, chosen, days));
		model.addAttribute("clients", clients);
		model.addAttribute("days", days == null ? 30 : days);
		return "assist/report";
	}
}
