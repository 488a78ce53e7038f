package io.tierline.knowledge.web;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.Keyset;
import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.internal.ArticleAccess;
import io.tierline.knowledge.internal.ArticleLibrary;
import io.tierline.knowledge.internal.KnowledgeLinks;
import io.tierline.knowledge.internal.Macros;
import io.tierline.knowledge.internal.TreeRunner;
import io.tierline.ticket.TicketManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Knowledge at work: the panel on the ticket page (macros, diagnostic trees, contribution), the
 * tree runner for agents and requesters, and the requesters' help pages in the portal.
 */
@Controller
class KnowledgeUsePageController {

	private final ArticleLibrary library;
	private final ArticleAccess rights;
	private final TreeRunner runner;
	private final Macros macros;
	private final KnowledgeLinks links;
	private final TicketManagement tickets;

	KnowledgeUsePageController(ArticleLibrary library, ArticleAccess rights, TreeRunner runner, Macros macros, KnowledgeLinks links,
			TicketManagement tickets) {
		this.library = library;
		this.rights = rights;
		this.runner = runner;
		this.macros = macros;
		this.links = links;
		this.tickets = tickets;
	}

	/** Loaded by htmx on the ticket page. */
	@GetMapping("/tickets/{ref}/knowledge")
	String panel(Caller caller, @PathVariable String ref, Model model) {
		var ticket = tickets.visible(caller, ref);
		long clientId = library.clientId(ticket.client());
		boolean staff = tickets.isStaffOn(caller, ticket);
		boolean mayWork = staff && rights.mayDraft(caller, clientId);
		model.addAttribute("ticket", ticket);
		model.addAttribute("mayWork", mayWork);
		model.addAttribute("staff", staff);
		model.addAttribute("macros", staff ? library.usable(caller, clientId, ArticleKind.MACRO) : List.of());
		model.addAttribute("trees", staff ? library.usable(caller, clientId, ArticleKind.DIAGNOSTIC_TREE) : List.of());
		return "knowledge/panel :: panel";
	}

	@PostMapping("/tickets/{ref}/macros")
	String applyMacro(Caller caller, @PathVariable String ref, @RequestParam long macro, RedirectAttributes flash) {
		var applied = macros.apply(caller, macro, ref);
		flash.addFlashAttribute("notice", "Macro " + applied.macro() + " applied (" + applied.intent() + ")"
				+ (applied.replyHeld() ? "; the reply waits for a lead's approval." : "."));
		return "redirect:/tickets/" + ref;
	}

	@PostMapping("/tickets/{ref}/knowledge-links")
	String link(Caller caller, @PathVariable String ref, @RequestParam String article, RedirectAttributes flash) {
		var linked = links.linkUpdated(caller, ref, article, rights, KnowledgeLinks.Action.UPDATED);
		flash.addFlashAttribute("notice", ref + " linked to " + linked.reference() + " (updated).");
		return "redirect:/tickets/" + ref;
	}

	/** One step of a tree: {@code a} lists the answers given so far. */
	@GetMapping({ "/knowledge/{id}/run", "/help/{id}/run" })
	String run(Caller caller, @PathVariable long id, @RequestParam(required = false) List<Integer> a,
			@RequestParam(required = false) String ticket, Model model) {
		var run = runner.run(caller, id, a == null ? List.of() : a);
		model.addAttribute("run", run);
		model.addAttribute("ticket", ticket);
		model.addAttribute("staff", library.readsAsStaff(caller));
		return "knowledge/run";
	}

	/** Saves an ended run on the ticket; an escalation opens the escalate form filled with the answers. */
	@PostMapping("/knowledge/{id}/run")
	String save(Caller caller, @PathVariable long id, @RequestParam List<Integer> a, @RequestParam String ticket,
			RedirectAttributes flash) {
		var run = runner.save(caller, id, a, ticket);
		if (!tickets.isStaffOn(caller, tickets.visible(caller, ticket))) {
			flash.addFlashAttribute("notice", "Your answers were added to " + ticket + ".");
			return "redirect:/portal/tickets/" + ticket;
		}
		if (run.escalation() != null) {
			var url = UriComponentsBuilder.fromPath("/tickets/{ref}/escalate")
				.queryParam("stepsAttempted", run.escalation().stepsText());
			run.escalation().environment().forEach((k, v) -> url.queryParam("env." + k, v));
			return "redirect:" + url.encode().buildAndExpand(ticket).toUriString();
		}
		flash.addFlashAttribute("notice", "Diagnostic path saved on " + ticket + ".");
		return "redirect:/tickets/" + ticket;
	}

	/**
	 * A requester's run that ended in an escalation becomes a request: the ticket is opened with the
	 * path as its description, and the path is saved on it (DIAGNOSTIC_PATH), so nobody asks again.
	 */
	@PostMapping("/help/{id}/request")
	String request(Caller caller, @PathVariable long id, @RequestParam List<Integer> a, @RequestParam String subject,
			RedirectAttributes flash) {
		var run = runner.run(caller, id, a);
		if (run.escalation() == null) {
			throw io.tierline.common.InvalidInputException.of("a", "the run did not end in an escalation");
		}
		var opened = tickets.open(caller, new io.tierline.ticket.NewTicket(run.tree().client(), null, subject,
				run.escalation().stepsText(), io.tierline.ticket.Channel.WEB.name(), null, null, null, null, null, null, null),
				io.tierline.ticket.Channel.WEB, null);
		String number = tickets.find(opened.ticketId()).orElseThrow().number();
		runner.save(caller, id, a, number);
		flash.addFlashAttribute("notice", "Request " + number + " received with your answers. We will reply here and by e-mail.");
		return "redirect:/portal/tickets/" + number;
	}

	/** The portal's help: public, published articles of the requester's clients. */
	@GetMapping("/help")
	String help(Caller caller, @RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("page", library.list(caller, new ArticleLibrary.Query(null, null, null, null, q), true,
				Keyset.decode(cursor, "cursor"), 50));
		model.addAttribute("q", q);
		return "knowledge/help";
	}

	@GetMapping("/help/{id}")
	String helpArticle(Caller caller, @PathVariable long id, Model model) {
		model.addAttribute("article", library.published(caller, id));
		return "knowledge/help-article";
	}
}
