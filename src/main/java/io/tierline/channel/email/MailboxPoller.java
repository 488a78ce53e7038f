package io.tierline.channel.email;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One pass over a mailbox: the messages after the last UID taken (in the current UIDVALIDITY), each
 * stored in its own transaction, then flagged \Seen on the server. The flag comes after the commit:
 * a crash in between leaves the message to be read again, and its Message-ID makes that harmless.
 */
@Component
class MailboxPoller {

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	/** Messages fetched from the server per round trip. */
	private static final int FETCH_BATCH = 100;

	record Pass(int read, int newTickets, int replies, int duplicates, int quarantined, int bounces) {
	}

	/** Runs after a message's transaction committed and before it is flagged; tests use it to crash there. */
	interface AfterCommit {
		void run(long uid);
	}

	private final Mailboxes mailboxes;
	private final MailIngest ingest;
	private final Clock clock;
	private volatile AfterCommit afterCommit = uid -> {
	};

	MailboxPoller(Mailboxes mailboxes, MailIngest ingest, Clock clock) {
		this.mailboxes = mailboxes;
		this.ingest = ingest;
		this.clock = clock;
	}

	void afterCommit(AfterCommit hook) {
		this.afterCommit = hook == null ? uid -> {
		} : hook;
	}

	Pass poll(long mailboxId) throws MessagingException {
		Mailbox mailbox = mailboxes.find(mailboxId).orElseThrow();
		int[] counts = new int[6];
		Store store = MailServers.imap(mailbox);
		try {
			IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
			folder.open(Folder.READ_WRITE);
			try {
				long validity = folder.getUIDValidity();
				if (mailbox.uidValidity() == null || mailbox.uidValidity() != validity) {
					mailboxes.resetPosition(mailbox.id(), validity);
					mailbox = mailboxes.find(mailboxId).orElseThrow();
				}
				long from = mailbox.lastUid() + 1;
				Message[] found = folder.getMessagesByUID(from, UIDFolder.MAXUID);
				for (int start = 0; start < found.length; start += FETCH_BATCH) {
					Message[] batch = java.util.Arrays.copyOfRange(found, start, Math.min(found.length, start + FETCH_BATCH));
					prefetch(folder, batch);
					for (Message message : batch) {
						long uid = folder.getUID(message);
						// "n:*" answers the last message even when its UID is below n
						if (uid < from) {
							continue;
						}
						take(mailbox, message, uid, counts);
					}
				}
			}
			finally {
				folder.close(false);
			}
			mailboxes.polled(mailbox.id(), clock.instant(), null);
		}
		catch (MessagingException | RuntimeException e) {
			mailboxes.polled(mailbox.id(), clock.instant(), e.toString());
			throw e;
		}
		finally {
			store.close();
		}
		return new Pass(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
	}

	private void take(Mailbox mailbox, Message message, long uid, int[] counts) throws MessagingException {
		byte[] raw = raw(message);
		MailIngest.Result result = ingest.ingest(mailbox, raw, uid);
		afterCommit.run(uid);
		message.setFlag(Flags.Flag.SEEN, true);
		counts[0]++;
		switch (result.outcome()) {
			case NEW_TICKET -> counts[1]++;
			case REPLY -> counts[2]++;
			case DUPLICATE -> counts[3]++;
			case QUARANTINED -> counts[4]++;
			case BOUNCE -> counts[5]++;
		}
		if (result.outcome() == MailIngest.Outcome.QUARANTINED) {
			log.info("Mailbox {}: message UID {} quarantined: {}", mailbox.address(), uid, result.reason());
		}
	}

	/** The whole batch's bodies in one command rather than a round trip per message. */
	private static void prefetch(IMAPFolder folder, Message[] batch) throws MessagingException {
		FetchProfile profile = new FetchProfile();
		profile.add(UIDFolder.FetchProfileItem.UID);
		profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
		folder.fetch(batch, profile);
	}

	private static byte[] raw(Message message) throws MessagingException {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new MessagingException("reading the message source failed", e);
		}
	}

	static List<Long> uids(UIDFolder folder, Message[] messages) throws MessagingException {
		List<Long> uids = new ArrayList<>();
		for (Message m : messages) {
			uids.add(folder.getUID(m));
		}
		return uids;
	}
}
