package io.tierline.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import io.tierline.support.Api;
import io.tierline.support.RawSmtp;

/** A real IMAP and SMTP server (GreenMail) holding a client's support mailbox, and the ways mail reaches it. */
final class MailTestServer implements AutoCloseable {

	static final String PASSWORD = "mailbox-secret";

	final GreenMail greenMail = new GreenMail(new com.icegreen.greenmail.util.ServerSetup[] { ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort() });

	MailTestServer() {
		greenMail.start();
	}

	int smtpPort() {
		return greenMail.getSmtp().getPort();
	}

	int imapPort() {
		return greenMail.getImap().getPort();
	}

	/** The mailbox on the server and in Tierline (created over the API by the client's admin); its id. */
	long mailbox(Api admin, String client, String address, Map<String, Object> extra) {
		greenMail.setUser(address, address, PASSWORD);
		var body = new java.util.HashMap<String, Object>(Map.of("client", client, "address", address, "imapHost", "127.0.0.1", "imapPort",
				imapPort(), "imapTls", false, "smtpHost", "127.0.0.1", "smtpPort", smtpPort(), "smtpTls", false, "password", PASSWORD));
		body.putAll(extra);
		var created = admin.post("/api/v1/mailboxes", body);
		if (created.status() != 201) {
			throw new IllegalStateException(created.toString());
		}
		return created.json().get("id").asLong();
	}

	/** Delivered by SMTP, byte for byte. */
	void deliver(String from, String to, byte[] raw) throws IOException {
		RawSmtp.send("127.0.0.1", smtpPort(), from, to, raw);
	}

	/** Put straight into the mailbox by IMAP APPEND, line endings and all (SMTP would normalise them). */
	void append(String address, byte[] raw) throws MessagingException {
		Store store = Session.getInstance(new java.util.Properties()).getStore("imap");
		store.connect("127.0.0.1", imapPort(), address, PASSWORD);
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			inbox.appendMessages(new Message[] { new Raw(raw) });
			inbox.close(false);
		}
		finally {
			store.close();
		}
	}

	/** Mail received by someone outside (replies Tierline sent). */
	MimeMessage[] receivedBy(String address) {
		return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
			try {
				return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException e) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	@Override
	public void close() {
		greenMail.stop();
	}

	private static final class Raw extends MimeMessage {

		private final byte[] raw;

		Raw(byte[] raw) throws MessagingException {
			super(MailParser.SESSION, new ByteArrayInputStream(raw));
			this.raw = raw;
		}

		@Override
		public void writeTo(OutputStream os) throws IOException {
			os.write(raw);
		}
	}
}
