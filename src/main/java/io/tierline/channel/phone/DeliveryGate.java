package io.tierline.channel.phone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.tierline.access.AccessManagement;
import io.tierline.access.ClientRef;
import io.tierline.common.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Lets a webhook delivery in only when it is signed with its client's current secret and its
 * timestamp is within five minutes of now (either way, for clock skew): a captured request cannot
 * be replayed later, nor posted to another client, whose secret differs.
 */
@Component
class DeliveryGate {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final AccessManagement access;
	private final PhoneSettings settings;
	private final Clock clock;

	DeliveryGate(AccessManagement access, PhoneSettings settings, Clock clock) {
		this.access = access;
		this.settings = settings;
		this.clock = clock;
	}

	/** A client without the integration enabled is as unknown as a client that does not exist. */
	ClientRef admit(String clientSlug, Medium medium, String timestamp, String signature, byte[] body) {
		ClientRef client = access.clientBySlug(clientSlug).filter(c -> !c.provider())
			.orElseThrow(() -> new NotFoundException("Client " + clientSlug));
		PhoneSettings.Setting setting = settings.find(client.id()).orElse(PhoneSettings.Setting.none(client.id()));
		if (!setting.accepts(medium)) {
			throw new NotFoundException((medium == Medium.CALL ? "Phone calls" : "SMS") + " are not enabled for client " + clientSlug);
		}
		if (timestamp == null || signature == null) {
			throw new UnsignedDelivery("Sign the request: X-Tierline-Timestamp and X-Tierline-Signature are required");
		}
		if (!fresh(timestamp)) {
			throw new UnsignedDelivery("X-Tierline-Timestamp must be the Unix time in seconds, within 5 minutes of now");
		}
		if (!WebhookSignature.matches(setting.secret(), timestamp.strip(), body, signature)) {
			throw new UnsignedDelivery("X-Tierline-Signature does not match the body and timestamp signed with this client's secret");
		}
		return client;
	}

	private boolean fresh(String timestamp) {
		try {
			Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
			return Duration.between(at, clock.instant()).abs().compareTo(TOLERANCE) <= 0;
		}
		catch (NumberFormatException | java.time.DateTimeException e) {
			return false;
		}
	}
}
