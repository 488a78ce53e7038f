package io.tierline.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.ClientRef;
import io.tierline.access.UserRef;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Writes what is to be told, in the caller's transaction: in-app rows, e-mails, and one webhook
 * delivery per subscribed endpoint of the client and of the provider. A client's events never
 * reach another client's endpoints.
 */
@Component
@EnableConfigurationProperties(NotifyProperties.class)
public class Outbound {

	private final InAppNotifications inApp;
	private final EmailOutbox email;
	private final WebhookEndpoints endpoints;
	private final WebhookDeliveries deliveries;
	private final AccessManagement access;
	private final JsonMapper json;
	private final Clock clock;

	Outbound(InAppNotifications inApp, EmailOutbox email, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
			AccessManagement access, JsonMapper json, Clock clock) {
		this.inApp = inApp;
		this.email = email;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.access = access;
		this.json = json;
		this.clock = clock;
	}

	void inApp(List<UserRef> people, long clientId, String kind, String title, String body, String link) {
		Instant now = clock.instant();
		people.stream().map(UserRef::id).distinct().forEach(id -> inApp.add(id, clientId, kind, title, body, link, now));
	}

	void email(List<String> recipients, long clientId, String subject, String body) {
		Instant now = clock.instant();
		recipients.stream().filter(r -> r != null && !r.isBlank()).distinct()
			.forEach(r -> email.add(clientId, r, subject, body, now));
	}

	/** @return the number of deliveries queued */
	int webhook(long clientId, String type, Map<String, Object> data) {
		List<Long> orgs = new ArrayList<>();
		orgs.add(clientId);
		access.providers().stream().map(ClientRef::id).forEach(orgs::add);
		Instant now = clock.instant();
		int queued = 0;
		for (var endpoint : endpoints.ofOrganizations(orgs)) {
			if (endpoint.wants(type)) {
				queue(endpoint.id(), clientId, type, data, now);
				queued++;
			}
		}
		return queued;
	}

	String queue(long endpointId, long clientId, String type, Map<String, Object> data, Instant now) {
		String id = WebhookDeliveries.newId();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", id);
		payload.put("type", type);
		payload.put("occurredAt", now.toString());
		payload.put("client", access.organization(clientId).slug());
		payload.put("data", data);
		return deliveries.add(endpointId, clientId, type, id, json.writeValueAsString(payload), now);
	}
}
