package io.tierline.notify.web;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.notify.internal.EmailOutbox;
import io.tierline.notify.internal.WebhookAdmin;
import io.tierline.notify.internal.WebhookEndpoints;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: webhook endpoints, their delivery log with retry, and the e-mail outbox. */
@Controller
class WebhookPageController {

	private final WebhookAdmin admin;
	private final EmailOutbox emails;

	WebhookPageController(WebhookAdmin admin, EmailOutbox emails) {
		this.admin = admin;
		this.emails = emails;
	}

	@GetMapping("/admin/webhooks")
	String list(Caller caller, Model model) {
		List<ClientRef> orgs = admin.administered(caller);
		model.addAttribute("orgs", orgs);
		model.addAttribute("orgSlugs", orgs.stream().collect(java.util.stream.Collectors.toMap(ClientRef::id, ClientRef::slug)));
		model.addAttribute("endpoints", admin.list(caller));
		model.addAttribute("eventTypes", WebhookEndpoints.EVENT_TYPES.stream().filter(t -> !t.equals("ping")).toList());
		model.addAttribute("emails", emails.recent(orgs.stream().map(ClientRef::id).toList(), 20));
		return "notify/webhooks";
	}

	@PostMapping("/admin/webhooks")
	String create(Caller caller, @RequestParam(required = false) String org, @RequestParam String url,
			@RequestParam(name = "events", required = false) List<String> events, RedirectAttributes flash) {
		var created = admin.create(caller, new WebhookAdmin.Input(org, url, events, null));
		flash.addFlashAttribute("secret", created.secret());
		flash.addFlashAttribute("notice", "Webhook created. Copy its signing secret now: it is not shown again.");
		return "redirect:/admin/webhooks/" + created.endpoint().id();
	}

	@GetMapping("/admin/webhooks/{id}")
	String endpoint(Caller caller, @PathVariable long id, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("endpoint", admin.get(caller, id));
		var deliveries = admin.deliveries(caller, id, before, 51);
		var page = deliveries.size() > 50 ? deliveries.subList(0, 50) : deliveries;
		model.addAttribute("deliveries", page);
		model.addAttribute("attempts", admin.attempts(caller, id, page));
		model.addAttribute("older", deliveries.size() > 50 ? page.get(49).id() : null);
		return "notify/webhook";
	}

	@PostMapping("/admin/webhooks/{id}/active")
	String active(Caller caller, @PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
		admin.update(caller, id, new WebhookAdmin.Input(null, null, null, active));
		flash.addFlashAttribute("notice", active ? "Webhook enabled." : "Webhook disabled.");
		return "redirect:/admin/webhooks/" + id;
	}

	@PostMapping("/admin/webhooks/{id}/test")
	String test(Caller caller, @PathVariable long id, RedirectAttributes flash) {
		admin.ping(caller, id);
		flash.addFlashAttribute("notice", "A ping is queued; it appears below once sent.");
		return "redirect:/admin/webhooks/" + id;
	}

	@PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/retry")
	String retry(Caller caller, @PathVariable long id, @PathVariable long deliveryId, RedirectAttributes flash) {
		admin.retry(caller, id, deliveryId);
		flash.addFlashAttribute("notice", "The delivery will be retried now.");
		return "redirect:/admin/webhooks/" + id;
	}

	@PostMapping("/admin/webhooks/{id}/delete")
	String delete(Caller caller, @PathVariable long id, RedirectAttributes flash) {
		flash.addFlashAttribute("notice", admin.delete(caller, id) ? "Webhook deleted." : "Webhook disabled (its deliveries are kept).");
		return "redirect:/admin/webhooks";
	}
}
