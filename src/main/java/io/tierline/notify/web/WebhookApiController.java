package io.tierline.notify.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.Keyset;
import io.tierline.notify.internal.WebhookAdmin;
import io.tierline.notify.internal.WebhookDeliveries;
import io.tierline.notify.internal.WebhookEndpoints;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outbound webhooks of the caller's organizations and their delivery log. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookApiController {

	private final WebhookAdmin admin;
	private final AccessManagement access;

	WebhookApiController(WebhookAdmin admin, AccessManagement access) {
		this.admin = admin;
		this.access = access;
	}

	/** {@code secret} is present only in the answer to the creation. */
	record EndpointView(long id, String org, String url, Set<String> events, boolean active, Instant createdAt, String secret) {
	}

	record DeliveryView(long id, String deliveryId, String event, String status, int attempts, Instant nextAttemptAt,
			Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt, String payload,
			List<WebhookDeliveries.Attempt> attemptLog) {
	}

	record DeliveryPage(List<DeliveryView> items, String nextCursor) {
	}

	@GetMapping
	List<EndpointView> list(Caller caller) {
		return admin.list(caller).stream().map(e -> view(e, null)).toList();
	}

	@PostMapping
	ResponseEntity<EndpointView> create(Caller caller, @RequestBody WebhookAdmin.Input body) {
		var created = admin.create(caller, body);
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/webhooks/" + created.endpoint().id()))
			.body(view(created.endpoint(), created.secret()));
	}

	@GetMapping("/{id}")
	EndpointView get(Caller caller, @PathVariable long id) {
		return view(admin.get(caller, id), null);
	}

	@PatchMapping("/{id}")
	EndpointView update(Caller caller, @PathVariable long id, @RequestBody WebhookAdmin.Input body) {
		return view(admin.update(caller, id, body), null);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable long id) {
		admin.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	DeliveryPage deliveries(Caller caller, @PathVariable long id, @RequestParam(required = false) Long cursor,
			@RequestParam(required = false) Integer limit) {
		int size = Keyset.limit(limit, 50, 200, "limit");
		var rows = admin.deliveries(caller, id, cursor, size + 1);
		String next = rows.size() > size ? String.valueOf(rows.get(size - 1).id()) : null;
		var page = rows.size() > size ? rows.subList(0, size) : rows;
		var attempts = admin.attempts(caller, id, page);
		return new DeliveryPage(page.stream().map(d -> view(d, attempts.getOrDefault(d.id(), List.of()))).toList(), next);
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	DeliveryView retry(Caller caller, @PathVariable long id, @PathVariable long deliveryId) {
		return view(admin.retry(caller, id, deliveryId), admin.attempts(caller, id, deliveryId));
	}

	@PostMapping("/{id}/test")
	ResponseEntity<java.util.Map<String, String>> test(Caller caller, @PathVariable long id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(java.util.Map.of("deliveryId", admin.ping(caller, id)));
	}

	private EndpointView view(WebhookEndpoints.Endpoint e, String secret) {
		return new EndpointView(e.id(), access.organization(e.orgId()).slug(), e.url(), e.eventTypes(), e.active(), e.createdAt(),
				secret);
	}

	private static DeliveryView view(WebhookDeliveries.Delivery d, List<WebhookDeliveries.Attempt> attempts) {
		return new DeliveryView(d.id(), d.deliveryId(), d.eventType(), d.status(), d.attempts(), d.nextAttemptAt(), d.lastStatus(),
				d.lastError(), d.createdAt(), d.deliveredAt(), d.payload(), attempts);
	}
}
