package io.tierline.selfservice.web;

import io.tierline.access.Caller;
import io.tierline.selfservice.internal.SelfService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The portal's assistant: describe the problem, read what it offers, then "this solved it" or "I still need help". */
@Controller
class SelfServicePageController {

	private final SelfService selfService;

	SelfServicePageController(SelfService selfService) {
		this.selfService = selfService;
	}

	@GetMapping("/portal/help")
	String start(Caller caller, Model model) {
		model.addAttribute("clients", selfService.clientsOf(caller));
		model.addAttribute("sessions", selfService.recent(caller));
		return "selfservice/start";
	}

	@PostMapping("/portal/help")
	String ask(Caller caller, @RequestParam(required = false) String client, @RequestParam String text) {
		return "redirect:/portal/help/" + selfService.start(caller, client, text).id();
	}

	@GetMapping("/portal/help/{id}")
	String session(Caller caller, @PathVariable long id, Model model) {
		model.addAttribute("conversation", selfService.get(caller, id));
		return "selfservice/session";
	}

	@PostMapping("/portal/help/{id}/ask")
	String more(Caller caller, @PathVariable long id, @RequestParam String text) {
		selfService.ask(caller, id, text);
		return "redirect:/portal/help/" + id;
	}

	@PostMapping("/portal/help/{id}/deflect")
	String solved(Caller caller, @PathVariable long id, RedirectAttributes flash) {
		selfService.deflect(caller, id);
		flash.addFlashAttribute("notice", "Glad that solved it. If it comes back, ask again: we will know what you already tried.");
		return "redirect:/portal/help/" + id;
	}

	@PostMapping("/portal/help/{id}/escalate")
	String escalate(Caller caller, @PathVariable long id, @RequestParam(required = false) String subject, RedirectAttributes flash) {
		var session = selfService.escalate(caller, id, subject);
		flash.addFlashAttribute("notice", "Request " + session.ticket() + " created with this conversation: you need not repeat anything.");
		return "redirect:/portal/tickets/" + session.ticket();
	}
}
