package io.tierline.notify.web;

import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.Keyset;
import io.tierline.common.NotFoundException;
import io.tierline.notify.internal.InAppNotifications;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

	private final InAppNotifications notifications;
	private final java.time.Clock clock;

	NotificationApiController(InAppNotifications notifications, java.time.Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	record Page(List<InAppNotifications.Notification> items, long unread, String nextCursor) {
	}

	/** Newest first; {@code cursor} is the {@code nextCursor} of the previous page. */
	@GetMapping
	Page list(Caller caller, @RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Long cursor,
			@RequestParam(required = false) Integer limit) {
		int size = Keyset.limit(limit, 50, 200, "limit");
		var items = notifications.of(caller.userId(), unread, cursor, size + 1);
		String next = items.size() > size ? String.valueOf(items.get(size - 1).id()) : null;
		return new Page(items.size() > size ? items.subList(0, size) : items, notifications.unread(caller.userId()), next);
	}

	@PostMapping("/{id}/read")
	void read(Caller caller, @PathVariable long id) {
		if (!notifications.markRead(caller.userId(), id, clock.instant())) {
			throw new NotFoundException("Notification " + id);
		}
	}

	@PostMapping("/read-all")
	java.util.Map<String, Integer> readAll(Caller caller) {
		return java.util.Map.of("marked", notifications.markAllRead(caller.userId(), clock.instant()));
	}
}
