package io.tierline.access.internal;

import java.net.URI;
import java.util.List;

import io.tierline.access.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The page where a person issues and revokes their API tokens. */
@Controller
class TokenController {

	private final ApiTokens tokens;

	TokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/account/tokens")
	String page(Caller caller, Model model) {
		model.addAttribute("tokens", tokens.list(caller));
		return "account/tokens";
	}

	/**
	 * Answers with the page itself rather than a redirect: the secret is shown once and never
	 * passes through the session store (sessions live in the database).
	 */
	@PostMapping("/account/tokens")
	String issueFromPage(Caller caller, @RequestParam String name, @RequestParam(required = false) List<String> scopes,
			Model model) {
		model.addAttribute("issued", tokens.issue(caller, name, scopes));
		return page(caller, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeFromPage(Caller caller, @PathVariable long id) {
		tokens.revoke(caller, id);
		return "redirect:/account/tokens";
	}
}
