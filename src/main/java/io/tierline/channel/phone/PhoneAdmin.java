package io.tierline.channel.phone;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's telephony settings as its admins keep them (the client's admins and the provider's).
 * Anybody else is told the client does not exist. The signing secret is returned only by
 * {@link #newSecret}, once; afterwards only its last four characters are shown.
 */
@Service
class PhoneAdmin {

	private final PhoneSettings settings;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PhoneAdmin(PhoneSettings settings, AccessManagement access, ApplicationEventPublisher events, Clock clock) {
		this.settings = settings;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** What an admin sees; {@code secretHint} and {@code secretCreatedAt} are null before a secret is generated. */
	record View(String client, String clientName, boolean callsEnabled, boolean smsEnabled, String secretHint,
			java.time.Instant secretCreatedAt) {
	}

	List<ClientRef> administered(Caller caller) {
		return access.clients().stream().filter(c -> administers(caller, c)).toList();
	}

	View get(Caller caller, String clientSlug) {
		ClientRef client = administeredClient(caller, clientSlug);
		var s = settings.find(client.id()).orElse(PhoneSettings.Setting.none(client.id()));
		return new View(client.slug(), client.name(), s.callsEnabled(), s.smsEnabled(), s.secretHint(), s.secretCreatedAt());
	}

	@Transactional
	View enable(Caller caller, String clientSlug, boolean calls, boolean sms) {
		View before = get(caller, clientSlug);
		ClientRef client = administeredClient(caller, clientSlug);
		settings.enable(client.id(), calls, sms, clock.instant());
		audit(caller, client, "PHONE_SETTINGS_CHANGED", Map.of("calls", before.callsEnabled(), "sms", before.smsEnabled()),
				Map.of("calls", calls, "sms", sms));
		return get(caller, clientSlug);
	}

	/** A fresh secret replaces the old one at once: deliveries signed with the old one are refused from now on. */
	@Transactional
	String newSecret(Caller caller, String clientSlug) {
		ClientRef client = administeredClient(caller, clientSlug);
		String secret = WebhookSignature.newSecret();
		settings.secret(client.id(), secret, clock.instant());
		// the audit log records that it changed, never the secret
		audit(caller, client, "PHONE_SECRET_GENERATED", null, Map.of("hint", secret.substring(secret.length() - 4)));
		return secret;
	}

	private ClientRef administeredClient(Caller caller, String slug) {
		return access.clientBySlug(slug).filter(c -> administers(caller, c))
			.orElseThrow(() -> new NotFoundException("Client " + slug));
	}

	private static boolean administers(Caller caller, ClientRef client) {
		return caller.hasScope("admin") && (caller.isProviderAdmin() || caller.isClientAdmin(client.id()));
	}

	private void audit(Caller caller, ClientRef client, String action, Object before, Object after) {
		events.publishEvent(new AuditEvent(client.id(), caller.userId(), caller.email(), action, null, "phone:" + client.slug(),
				before, after));
	}
}
