package io.tierline.channel.email;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

/** Connections to a mailbox's IMAP and SMTP servers, with timeouts so a dead server never hangs a worker. */
final class MailServers {

	private static final String TIMEOUT_MS = "20000";

	private MailServers() {
	}

	static Store imap(Mailbox m) throws MessagingException {
		String protocol = m.imapTls() ? "imaps" : "imap";
		Properties p = new Properties();
		p.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
		p.setProperty("mail." + protocol + ".timeout", "60000");
		p.setProperty("mail." + protocol + ".partialfetch", "false");
		Store store = Session.getInstance(p).getStore(protocol);
		store.connect(m.imapHost(), m.imapPort(), m.username(), m.password());
		return store;
	}

	static Transport smtp(Mailbox m, Session session) throws MessagingException {
		Transport transport = session.getTransport(m.smtpTls() ? "smtps" : "smtp");
		transport.connect(m.smtpHost(), m.smtpPort(), m.username(), m.password());
		return transport;
	}

	static Session smtpSession(Mailbox m) {
		String protocol = m.smtpTls() ? "smtps" : "smtp";
		Properties p = new Properties();
		p.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
		p.setProperty("mail." + protocol + ".timeout", TIMEOUT_MS);
		p.setProperty("mail." + protocol + ".auth", "true");
		return Session.getInstance(p);
	}
}
