package io.tierline.channel.email;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sends stored outgoing mail through each mailbox's SMTP server, one connection per mailbox and
 * round. A failure is retried with growing pauses and given up after {@value #MAX_ATTEMPTS} tries.
 */
@Service
class OutboundMailSender {

	private static final Logger log = LoggerFactory.getLogger(OutboundMailSender.class);
	static final int MAX_ATTEMPTS = 8;
	private static final int BATCH = 50;

	private final OutboundMail outbound;
	private final Mailboxes mailboxes;
	private final Clock clock;

	OutboundMailSender(OutboundMail outbound, Mailboxes mailboxes, Clock clock) {
		this.outbound = outbound;
		this.mailboxes = mailboxes;
		this.clock = clock;
	}

	/** One round: claims what is due, sends it; returns how many were sent. */
	int sendDue() {
		Instant now = clock.instant();
		List<OutboundMail.Mail> due = outbound.claim(now, now.plus(Duration.ofMinutes(5)), BATCH);
		Map<Long, List<OutboundMail.Mail>> byMailbox = due.stream()
			.collect(Collectors.groupingBy(OutboundMail.Mail::mailboxId, java.util.LinkedHashMap::new, Collectors.toList()));
		int sent = 0;
		for (var entry : byMailbox.entrySet()) {
			sent += send(mailboxes.find(entry.getKey()).orElseThrow(), entry.getValue());
		}
		return sent;
	}

	private int send(Mailbox mailbox, List<OutboundMail.Mail> mails) {
		Session session = MailServers.smtpSession(mailbox);
		int sent = 0;
		try (Transport transport = MailServers.smtp(mailbox, session)) {
			for (OutboundMail.Mail mail : mails) {
				try {
					MimeMessage message = message(session, mailbox, mail);
					transport.sendMessage(message, message.getAllRecipients());
					outbound.sent(mail.id(), clock.instant());
					sent++;
				}
				catch (MessagingException | UnsupportedEncodingException e) {
					failed(mail, e);
				}
			}
		}
		catch (MessagingException e) {
			mails.stream().skip(sent).forEach(m -> failed(m, e));
		}
		return sent;
	}

	private void failed(OutboundMail.Mail mail, Exception e) {
		int attempt = mail.attempts() + 1;
		boolean giveUp = attempt >= MAX_ATTEMPTS;
		log.warn("Mail {} to {} failed (attempt {}{}): {}", mail.id(), mail.recipient(), attempt, giveUp ? ", giving up" : "", e.toString());
		outbound.failed(mail.id(), e.toString(), clock.instant().plus(Duration.ofSeconds(30L << Math.min(attempt, 10))), giveUp);
	}

	static MimeMessage message(Session session, Mailbox mailbox, OutboundMail.Mail mail)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", mail.messageId());
			}
		};
		message.setFrom(new InternetAddress(mailbox.address()));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient()));
		message.setSubject(mail.subject(), "UTF-8");
		message.setText(mail.body(), "UTF-8");
		message.setSentDate(java.util.Date.from(mail.createdAt()));
		if (mail.inReplyTo() != null) {
			message.setHeader("In-Reply-To", mail.inReplyTo());
		}
		if (mail.references() != null) {
			message.setHeader("References", mail.references());
		}
		if (mail.autoSubmitted()) {
			// RFC 3834: an automatic answer, so well-behaved responders do not answer it in turn
			message.setHeader("Auto-Submitted", "auto-replied");
			message.setHeader("X-Auto-Response-Suppress", "All");
		}
		message.saveChanges();
		return message;
	}
}
