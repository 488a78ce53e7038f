package io.tierline.escalation.web;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.escalation.internal.KnownIssueAccess;
import io.tierline.escalation.internal.KnownIssueLinking;
import io.tierline.escalation.internal.KnownIssueSuggestions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ticket page's known-issue panel, loaded by htmx into the sidebar: linked issues,
 * suggestions by signature with a one-click link, and a search to link any issue of the client.
 */
@Controller
class KnownIssuePanelController {

	private static final String PANEL = "escalation/known-issue-panel";

	private final KnownIssueSuggestions suggestions;
	private final KnownIssueLinking linking;
	private final KnownIssueAccess rights;

	KnownIssuePanelController(KnownIssueSuggestions suggestions, KnownIssueLinking linking, KnownIssueAccess rights) {
		this.suggestions = suggestions;
		this.linking = linking;
		this.rights = rights;
	}

	@GetMapping("/tickets/{ref}/known-issues")
	String panel(Caller caller, @PathVariable String ref, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		return render(caller, ref, htmx, null, model);
	}

	/** One click on a suggestion or a search result. */
	@PostMapping("/tickets/{ref}/known-issues")
	String link(Caller caller, @PathVariable String ref, @RequestParam long knownIssue,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		linking.link(caller, knownIssue, ref);
		return htmx != null ? render(caller, ref, htmx, "Linked.", model) : "redirect:/tickets/" + ref;
	}

	@PostMapping("/tickets/{ref}/known-issues/{id}/unlink")
	String unlink(Caller caller, @PathVariable String ref, @PathVariable long id,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		linking.unlink(caller, id, ref);
		return htmx != null ? render(caller, ref, htmx, "Unlinked.", model) : "redirect:/tickets/" + ref;
	}

	/** The search box: the client's issues matching the words, to link any of them. */
	@GetMapping("/tickets/{ref}/known-issues/search")
	String search(Caller caller, @PathVariable String ref, @RequestParam(required = false) String q,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		var found = suggestions.search(caller, ref, q);
		if (htmx == null) {
			// without htmx: the whole panel as a page, with the results in it
			render(caller, ref, null, null, model);
		}
		model.addAttribute("ref", found.ticket());
		model.addAttribute("mayWork", rights.mayWork(caller, found.client().id()));
		model.addAttribute("results", found.results());
		model.addAttribute("searched", q != null && !q.isBlank());
		model.addAttribute("q", q);
		return htmx != null ? PANEL + " :: results" : PANEL;
	}

	private String render(Caller caller, String ref, String htmx, String notice, Model model) {
		var found = suggestions.forTicket(caller, ref);
		model.addAttribute("found", found);
		model.addAttribute("ref", found.ticket());
		model.addAttribute("mayWork", rights.mayWork(caller, found.client().id()));
		model.addAttribute("panelNotice", notice);
		model.addAttribute("results", List.of());
		model.addAttribute("searched", false);
		model.addAttribute("q", null);
		return htmx != null ? PANEL + " :: panel" : PANEL;
	}
}
