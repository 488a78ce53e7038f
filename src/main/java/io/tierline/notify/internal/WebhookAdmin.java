package io.tierline.notify.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints as their organization's admins keep them: a client admin their client's, the
 * provider admin the provider's (which receive every client's events). Anybody else is told
 * an endpoint does not exist.
 */
@Service
public class WebhookAdmin {

	private final WebhookEndpoints endpoints;
	private final WebhookDeliveries deliveries;
	private final Outbound outbound;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	WebhookAdmin(WebhookEndpoints endpoints, WebhookDeliveries deliveries, Outbound outbound, AccessManagement access,
			ApplicationEventPublisher events, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.outbound = outbound;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	public record Input(String org, String url, List<String> events, Boolean active) {
	}

	/** The endpoint as listed; the secret is shown only once, when the endpoint is created. */
	public record Created(WebhookEndpoints.Endpoint endpoint, String secret) {
	}

	public List<ClientRef> administered(Caller caller) {
		if (!caller.hasScope("admin")) {
			return List.of();
		}
		List<ClientRef> orgs = new ArrayList<>();
		if (caller.isProviderAdmin()) {
			orgs.addAll(access.providers());
		}
		access.clients().stream().filter(c -> caller.isClientAdmin(c.id())).forEach(orgs::add);
		return orgs;
	}

	public List<WebhookEndpoints.Endpoint> list(Caller caller) {
		return endpoints.ofOrganizations(administered(caller).stream().map(ClientRef::id).toList());
	}

	public WebhookEndpoints.Endpoint get(Caller caller, long id) {
		var endpoint = endpoints.find(id).orElseThrow(() -> new NotFoundException("Webhook " + id));
		if (administered(caller).stream().noneMatch(o -> o.id() == endpoint.orgId())) {
			throw new NotFoundException("Webhook " + id);
		}
		return endpoint;
	}

	@Transactional
	public Created create(Caller caller, Input in) {
		List<ClientRef> mine = administered(caller);
		if (mine.isEmpty()) {
			throw new ForbiddenException("Only an organization's admins keep its webhooks");
		}
		var check = new InputCheck();
		ClientRef org = in.org() == null || in.org().isBlank() ? (mine.size() == 1 ? mine.get(0) : null)
				: mine.stream().filter(o -> o.slug().equalsIgnoreCase(in.org().strip())).findFirst().orElse(null);
		check.require(org != null, "org", in.org() == null || in.org().isBlank() ? "name the organization (you administer several)"
				: "is not an organization you administer");
		String url = url(in.url(), check);
		Set<String> types = types(in.events(), check);
		check.throwIfInvalid();
		String secret = WebhookSignature.newSecret();
		long id = endpoints.insert(org.id(), url, secret, types, caller.userId(), clock.instant());
		var endpoint = endpoints.find(id).orElseThrow();
		audit(caller, org.id(), "WEBHOOK_CREATED", id, null, describe(endpoint));
		return new Created(endpoint, secret);
	}

	@Transactional
	public WebhookEndpoints.Endpoint update(Caller caller, long id, Input in) {
		var before = get(caller, id);
		var check = new InputCheck();
		String url = in.url() == null ? before.url() : url(in.url(), check);
		Set<String> types = in.events() == null ? before.eventTypes() : types(in.events(), check);
		check.throwIfInvalid();
		endpoints.update(id, url, types, in.active() == null ? before.active() : in.active());
		var after = endpoints.find(id).orElseThrow();
		audit(caller, before.orgId(), "WEBHOOK_CHANGED", id, describe(before), describe(after));
		return after;
	}

	/** @return true when deleted, false when deactivated because deliveries refer to it */
	@Transactional
	public boolean delete(Caller caller, long id) {
		var endpoint = get(caller, id);
		boolean deleted = endpoints.delete(id);
		audit(caller, endpoint.orgId(), deleted ? "WEBHOOK_DELETED" : "WEBHOOK_DEACTIVATED", id, describe(endpoint), null);
		return deleted;
	}

	public List<WebhookDeliveries.Delivery> deliveries(Caller caller, long id, Long before, int limit) {
		get(caller, id);
		return deliveries.ofEndpoint(id, before, limit);
	}

	public WebhookDeliveries.Delivery delivery(Caller caller, long endpointId, long deliveryId) {
		get(caller, endpointId);
		return deliveries.find(deliveryId).filter(d -> d.endpointId() == endpointId)
			.orElseThrow(() -> new NotFoundException("Delivery " + deliveryId));
	}

	public Map<Long, List<WebhookDeliveries.Attempt>> attempts(Caller caller, long endpointId, List<WebhookDeliveries.Delivery> of) {
		get(caller, endpointId);
		return deliveries.attemptsOf(of.stream().filter(d -> d.endpointId() == endpointId).map(WebhookDeliveries.Delivery::id).toList());
	}

	public List<WebhookDeliveries.Attempt> attempts(Caller caller, long endpointId, long deliveryId) {
		delivery(caller, endpointId, deliveryId);
		return deliveries.attempts(deliveryId);
	}

	@Transactional
	public WebhookDeliveries.Delivery retry(Caller caller, long endpointId, long deliveryId) {
		var d = delivery(caller, endpointId, deliveryId);
		if (!deliveries.retryNow(d.id(), clock.instant())) {
			throw new io.tierline.common.ConflictException("status", "This delivery was delivered already");
		}
		audit(caller, get(caller, endpointId).orgId(), "WEBHOOK_RETRY", endpointId, null, Map.of("delivery", d.deliveryId()));
		return deliveries.find(d.id()).orElseThrow();
	}

	/** Queues a {@code ping} to the endpoint, so an admin can check the receiver and its signature check. */
	@Transactional
	public String ping(Caller caller, long id) {
		var endpoint = get(caller, id);
		return outbound.queue(id, endpoint.orgId(), "ping", Map.of("message", "Hello from Tierline"), clock.instant());
	}

	private static String url(String value, InputCheck check) {
		String url = check.text(value, "url", 2000, true);
		if (url == null) {
			return null;
		}
		try {
			URI uri = URI.create(url);
			check.require(("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null, "url", "must be an absolute http(s) URL");
		}
		catch (IllegalArgumentException e) {
			check.add("url", "must be an absolute http(s) URL");
		}
		return url;
	}

	private static Set<String> types(List<String> given, InputCheck check) {
		Set<String> types = new TreeSet<>();
		check.require(given != null && !given.isEmpty(), "events", "subscribe to at least one of " + WebhookEndpoints.EVENT_TYPES);
		for (String type : given == null ? List.<String>of() : given) {
			if (WebhookEndpoints.EVENT_TYPES.contains(type)) {
				types.add(type);
			}
			else {
				check.add("events", "unknown event type '" + type + "'; one of " + WebhookEndpoints.EVENT_TYPES);
			}
		}
		return types;
	}

	private static Map<String, Object> describe(WebhookEndpoints.Endpoint e) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("url", e.url());
		d.put("events", e.eventTypes());
		d.put("active", e.active());
		return d;
	}

	private void audit(Caller caller, long orgId, String action, long endpointId, Object before, Object after) {
		events.publishEvent(new AuditEvent(orgId, caller.userId(), caller.email(), action, null, "webhook:" + endpointId, before, after));
	}
}
