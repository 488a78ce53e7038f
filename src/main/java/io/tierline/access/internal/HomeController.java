package io.tierline.access.internal;

import io.tierline.access.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/** Staff land on their queue, requesters on their portal. */
	@GetMapping("/")
	String home(Caller caller) {
		return caller.isStaff() ? "redirect:/tickets" : "redirect:/portal";
	}
}
