package io.tierline.channel.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends outgoing mail on every node ({@code tierline.mail.workers=false} turns it and the mailbox
 * polling off, as the tests do to drive them by hand). Claims with SKIP LOCKED and a lease.
 */
@Component
@ConditionalOnProperty(name = "tierline.mail.workers", havingValue = "true", matchIfMissing = true)
class MailWorkers {

	private static final Logger log = LoggerFactory.getLogger(MailWorkers.class);

	private final OutboundMailSender sender;

	MailWorkers(OutboundMailSender sender) {
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${tierline.mail.send-ms:1000}", initialDelay = 3000)
	void send() {
		try {
			while (sender.sendDue() > 0) {
				// a batch went out: there may be more
			}
		}
		catch (RuntimeException e) {
			log.warn("Outgoing mail round failed; the mail stays stored: {}", e.toString());
		}
	}
}
