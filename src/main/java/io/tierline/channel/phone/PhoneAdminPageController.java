package io.tierline.channel.phone;

import io.tierline.access.Caller;
import io.tierline.common.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page per client: switch the phone and SMS webhooks on or off and (re)generate their signing secret. */
@Controller
class PhoneAdminPageController {

	private final PhoneAdmin admin;

	PhoneAdminPageController(PhoneAdmin admin) {
		this.admin = admin;
	}

	@GetMapping("/admin/phone")
	String choose(Caller caller) {
		return admin.administered(caller).stream().findFirst().map(c -> "redirect:/admin/phone/" + c.slug())
			.orElseThrow(() -> new NotFoundException("A client you administer"));
	}

	@GetMapping("/admin/phone/{client}")
	String settings(Caller caller, @PathVariable String client, Model model) {
		model.addAttribute("settings", admin.get(caller, client));
		model.addAttribute("clients", admin.administered(caller));
		return "phone/admin";
	}

	@PostMapping("/admin/phone/{client}")
	String enable(Caller caller, @PathVariable String client, @RequestParam(defaultValue = "false") boolean callsEnabled,
			@RequestParam(defaultValue = "false") boolean smsEnabled, RedirectAttributes flash) {
		admin.enable(caller, client, callsEnabled, smsEnabled);
		flash.addFlashAttribute("notice", "Saved.");
		return "redirect:/admin/phone/" + client;
	}

	@PostMapping("/admin/phone/{client}/secret")
	String secret(Caller caller, @PathVariable String client, RedirectAttributes flash) {
		flash.addFlashAttribute("secret", admin.newSecret(caller, client));
		flash.addFlashAttribute("notice", "New signing secret generated. Copy it now: it is not shown again. "
				+ "Deliveries signed with the previous secret are refused from now on.");
		return "redirect:/admin/phone/" + client;
	}
}
