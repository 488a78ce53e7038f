package io.tierline.notify.internal;

import java.time.Clock;
import java.time.Instant;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mail outbox by SMTP. Without an SMTP server configured ({@code spring.mail.host})
 * e-mails wait in the outbox until there is one.
 */
@Component
public class EmailSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final EmailOutbox outbox;
	private final ObjectProvider<JavaMailSender> mail;
	private final NotifyProperties properties;
	private final Clock clock;

	EmailSender(EmailOutbox outbox, ObjectProvider<JavaMailSender> mail, NotifyProperties properties, Clock clock) {
		this.outbox = outbox;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return how many e-mails were sent */
	public int processDue() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		Instant now = clock.instant();
		int sent = 0;
		for (EmailOutbox.Email email : outbox.claim(now, now.plus(properties.lease()), 20)) {
			try {
				MimeMessage message = sender.createMimeMessage();
				var helper = new MimeMessageHelper(message, "UTF-8");
				helper.setFrom(properties.mailFrom());
				helper.setTo(email.recipient());
				helper.setSubject(email.subject());
				helper.setText(email.body());
				// RFC 3834: an automatic message; well-behaved responders do not answer it (no mail loops)
				message.setHeader("Auto-Submitted", "auto-generated");
				sender.send(message);
				outbox.sent(email.id(), clock.instant());
				sent++;
			}
			catch (Exception e) {
				int attempts = email.attempts() + 1;
				boolean giveUp = attempts >= properties.maxAttempts();
				outbox.failed(email.id(), e.toString(), clock.instant().plus(properties.delayAfter(attempts)), giveUp);
				log.warn("E-mail {} to {} failed (attempt {}): {}", email.id(), email.recipient(), attempts, e.toString());
			}
		}
		return sent;
	}
}
