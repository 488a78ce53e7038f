package io.tierline.notify.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: claims them for a lease (so two nodes never send the same one
 * at once), posts outside any transaction, records every attempt, retries with exponential
 * back-off. At-least-once: a node that dies mid-send leaves the lease to expire and the
 * delivery is sent again; receivers dedupe on {@code X-Tierline-Delivery}.
 */
@Component
public class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookDeliveries deliveries;
	private final WebhookEndpoints endpoints;
	private final NotifyProperties properties;
	private final Clock clock;
	private final HttpClient http;

	WebhookDispatcher(WebhookDeliveries deliveries, WebhookEndpoints endpoints, NotifyProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** @return how many deliveries succeeded in this round */
	public int processDue() {
		Instant now = clock.instant();
		int delivered = 0;
		for (WebhookDeliveries.Delivery d : deliveries.claim(now, now.plus(properties.lease()), 20)) {
			if (send(d)) {
				delivered++;
			}
		}
		return delivered;
	}

	private boolean send(WebhookDeliveries.Delivery d) {
		var endpoint = endpoints.find(d.endpointId()).orElseThrow();
		Instant started = clock.instant();
		long startedNanos = System.nanoTime();
		Integer status = null;
		String error = null;
		try {
			String timestamp = String.valueOf(started.getEpochSecond());
			HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(properties.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Tierline-Webhooks/1")
				.header("X-Tierline-Event", d.eventType())
				.header("X-Tierline-Delivery", d.deliveryId())
				.header("X-Tierline-Timestamp", timestamp)
				.header("X-Tierline-Signature", WebhookSignature.sign(endpoint.secret(), timestamp, d.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(d.payload()))
				.build();
			status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status < 200 || status > 299) {
				error = "HTTP " + status;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception e) {
			error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		}
		int durationMs = (int) ((System.nanoTime() - startedNanos) / 1_000_000);
		int attempt = d.attempts() + 1;
		boolean ok = error == null;
		boolean giveUp = !ok && attempt >= properties.maxAttempts();
		Instant retryAt = ok || giveUp ? null : clock.instant().plus(properties.delayAfter(attempt));
		deliveries.attempted(d, new WebhookDeliveries.Attempt(d.id(), attempt, started, status, error, durationMs), ok, giveUp, retryAt);
		return ok;
	}
}
