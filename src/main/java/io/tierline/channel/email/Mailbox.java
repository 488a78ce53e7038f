package io.tierline.channel.email;

import java.time.Instant;

/** A client's support mailbox: where mail is fetched (IMAP) and sent from (SMTP). */
record Mailbox(long id, long clientId, String address, String imapHost, int imapPort, boolean imapTls, String smtpHost, int smtpPort,
		boolean smtpTls, String username, String password, String folder, boolean autoAcknowledge, int senderHourlyLimit,
		boolean active, Long uidValidity, long lastUid, Instant lastPolledAt, String lastError) {
}
