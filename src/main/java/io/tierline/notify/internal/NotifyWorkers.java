package io.tierline.notify.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the e-mail and webhook workers on every node ({@code tierline.notify.workers=false} turns
 * them off, as the tests do to drive them by hand). Claims with SKIP LOCKED and leases keep
 * nodes from sending the same thing twice.
 */
@Component
@ConditionalOnProperty(name = "tierline.notify.workers", havingValue = "true", matchIfMissing = true)
class NotifyWorkers {

	private static final Logger log = LoggerFactory.getLogger(NotifyWorkers.class);

	private final EmailSender email;
	private final WebhookDispatcher webhooks;

	NotifyWorkers(EmailSender email, WebhookDispatcher webhooks) {
		this.email = email;
		this.webhooks = webhooks;
	}

	@Scheduled(fixedDelayString = "${tierline.notify.poll-ms:2000}", initialDelay = 3000)
	void round() {
		try {
			webhooks.processDue();
		}
		catch (RuntimeException e) {
			log.warn("Webhook round failed; deliveries stay stored: {}", e.toString());
		}
		try {
			email.processDue();
		}
		catch (RuntimeException e) {
			log.warn("E-mail round failed; e-mails stay in the outbox: {}", e.toString());
		}
	}
}
