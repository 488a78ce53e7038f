package io.tierline.channel.chat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page for live chat per client: on or off, the web sites allowed to embed the widget, the snippet. */
@Controller
class ChatAdminPageController {

	private final ChatReading reading;
	private final AccessManagement access;

	ChatAdminPageController(ChatReading reading, AccessManagement access) {
		this.reading = reading;
		this.access = access;
	}

	@GetMapping("/admin/chat")
	String first(Caller caller) {
		List<ClientRef> mine = administered(caller);
		if (mine.isEmpty()) {
			throw new io.tierline.common.ForbiddenException("Only the provider's or a client's admins set up live chat");
		}
		return "redirect:/admin/chat/" + mine.get(0).slug();
	}

	@GetMapping("/admin/chat/{client}")
	String settings(Caller caller, @PathVariable String client, Model model, jakarta.servlet.http.HttpServletRequest request) {
		var settings = reading.settings(caller, client);
		model.addAttribute("settings", settings);
		String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		model.addAttribute("snippet", "<script src=\"" + base + "/chat/widget.js\" data-client=\"" + settings.client() + "\"></script>");
		model.addAttribute("clients", administered(caller));
		return "chat/admin";
	}

	@PostMapping("/admin/chat/{client}")
	String save(Caller caller, @PathVariable String client, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(defaultValue = "") String origins, RedirectAttributes flash) {
		List<String> list = Arrays.stream(origins.split("[\\s,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		try {
			reading.saveSettings(caller, client, enabled, list);
			flash.addFlashAttribute("notice", "Saved.");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("error", e.problems().stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		}
		return "redirect:/admin/chat/" + client;
	}

	private List<ClientRef> administered(Caller caller) {
		if (!caller.hasScope("admin")) {
			return List.of();
		}
		return access.clients().stream().filter(c -> caller.isProviderAdmin() || caller.isClientAdmin(c.id())).toList();
	}
}
