package io.tierline.search.web;

import io.tierline.access.Caller;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import io.tierline.search.internal.SearchService;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The agents' search page, and the admin page that rebuilds the index with a progress bar (htmx polling). */
@Controller
class SearchPageController {

	private final SearchService search;

	SearchPageController(SearchService search) {
		this.search = search;
	}

	record Form(String q, String client, String type, String audience, String product) {
	}

	@GetMapping("/search")
	String page(Caller caller, @RequestParam(required = false) String q, @RequestParam(required = false) String client,
			@RequestParam(required = false) String type, @RequestParam(required = false) String audience,
			@RequestParam(required = false) String product, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model, HttpServletResponse response) {
		if (!caller.isStaff()) {
			throw new ForbiddenException("The search page is for agents");
		}
		var form = new Form(blank(q), blank(client), blank(type), blank(audience), blank(product));
		model.addAttribute("form", form);
		model.addAttribute("clients", search.clients(caller));
		if (form.q() != null) {
			try {
				model.addAttribute("results",
						search.search(caller, new SearchService.Question(form.client(), form.q(), form.type(), form.audience(), form.product(), 20)));
			}
			catch (InvalidInputException e) {
				response.setStatus(422);
				model.addAttribute("problems", e.problems());
			}
		}
		return htmx != null ? "search/search :: results" : "search/search";
	}

	@GetMapping("/admin/search")
	String admin(Caller caller, Model model) {
		model.addAttribute("progress", search.progress(caller));
		return "search/admin";
	}

	@PostMapping("/admin/search/reindex")
	String reindex(Caller caller, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("progress", search.reindex(caller));
		return htmx != null ? "search/admin :: progress" : "redirect:/admin/search";
	}

	@GetMapping("/admin/search/progress")
	String progress(Caller caller, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("progress", search.progress(caller));
		return htmx != null ? "search/admin :: progress" : "search/admin";
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
