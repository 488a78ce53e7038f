package io.tierline.channel.chat;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.ForbiddenException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agents' chat console, and a demo page that embeds the widget the way a client's site would. */
@Controller
class ChatPageController {

	private final AccessManagement access;

	ChatPageController(AccessManagement access) {
		this.access = access;
	}

	@GetMapping("/chat/console")
	String console(Caller caller, Model model) {
		if (!caller.isStaff()) {
			throw new ForbiddenException("The chat console is for agents");
		}
		List<ClientRef> served = access.clients().stream().filter(c -> ChatAccess.mayServe(caller, c.id())).toList();
		model.addAttribute("served", served);
		return "chat/console";
	}

	/** A stand-in for a client's own web page: one script tag is all it takes. */
	@GetMapping("/chat/demo")
	String demo(@RequestParam(defaultValue = "acme") String client, Model model) {
		model.addAttribute("client", client.replaceAll("[^a-z0-9-]", ""));
		return "chat/demo";
	}
}
