package io.tierline.notify.web;

import java.time.Clock;

import io.tierline.access.Caller;
import io.tierline.common.NotFoundException;
import io.tierline.notify.internal.InAppNotifications;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The person's notifications page and the unread badge in the header. */
@Controller
class NotificationPageController {

	private final InAppNotifications notifications;
	private final Clock clock;

	NotificationPageController(InAppNotifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@GetMapping("/notifications")
	String page(Caller caller, @RequestParam(required = false) Long before, Model model) {
		var items = notifications.of(caller.userId(), false, before, 51);
		model.addAttribute("items", items.size() > 50 ? items.subList(0, 50) : items);
		model.addAttribute("older", items.size() > 50 ? items.get(49).id() : null);
		return "notify/notifications";
	}

	/** Loaded by htmx into the header, refreshed every 30 s. */
	@GetMapping("/notifications/badge")
	String badge(Caller caller, Model model) {
		model.addAttribute("unread", notifications.unread(caller.userId()));
		return "notify/notifications :: badge";
	}

	@PostMapping("/notifications/{id}/read")
	String read(Caller caller, @PathVariable long id) {
		if (!notifications.markRead(caller.userId(), id, clock.instant())) {
			throw new NotFoundException("Notification " + id);
		}
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(Caller caller) {
		notifications.markAllRead(caller.userId(), clock.instant());
		return "redirect:/notifications";
	}
}
