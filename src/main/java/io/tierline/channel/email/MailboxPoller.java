package io.tierline.channel.email;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.annotation.PreDestroy;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One pass over a mailbox: the messages after the last UID taken (in the current UIDVALIDITY), in
 * batches. The messages of a batch are stored in parallel, each in its own transaction; then the
 * batch is flagged \Seen on the server and the mailbox's position moves past it. Both come after
 * the commits: a crash in between leaves the batch to be read again, and the Message-IDs already
 * stored make that harmless (duplicates are recognised, nothing is stored twice).
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
	private final ExecutorService workers;
	private volatile AfterCommit afterCommit = uid -> {
	};

	MailboxPoller(Mailboxes mailboxes, MailIngest ingest, Clock clock, @Value("${tierline.mail.ingest-threads:4}") int threads) {
		this.mailboxes = mailboxes;
		this.ingest = ingest;
		this.clock = clock;
		this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
			Thread t = new Thread(r, "mail-ingest");
			t.setDaemon(true);
			return t;
		});
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
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
					Message[] batch = Arrays.copyOfRange(found, start, Math.min(found.length, start + FETCH_BATCH));
					prefetch(folder, batch);
					List<Fetched> fetched = new ArrayList<>();
					for (Message message : batch) {
						long uid = folder.getUID(message);
						// "n:*" answers the last message even when its UID is below n
						if (uid >= from) {
							fetched.add(new Fetched(message, uid, raw(message)));
						}
					}
					take(mailbox, folder, fetched, counts);
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

	private record Fetched(Message message, long uid, byte[] raw) {
	}

	/** Stores a batch (in parallel), then flags it and moves the position; a failure leaves the batch to the next poll. */
	private void take(Mailbox mailbox, IMAPFolder folder, List<Fetched> batch, int[] counts) throws MessagingException {
		if (batch.isEmpty()) {
			return;
		}
		List<Future<MailIngest.Result>> futures = batch.stream().map(f -> workers.submit(() -> store(mailbox, f))).toList();
		List<MailIngest.Result> results = new ArrayList<>();
		RuntimeException failure = null;
		for (int i = 0; i < batch.size(); i++) {
			try {
				results.add(futures.get(i).get());
			}
			catch (ExecutionException e) {
				// two messages of one new sender at once both create the requester: one loses; alone it succeeds
				try {
					results.add(store(mailbox, batch.get(i)));
				}
				catch (RuntimeException again) {
					failure = failure == null ? again : failure;
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new MessagingException("interrupted while storing mail", e);
			}
		}
		if (failure != null) {
			throw failure;
		}
		folder.setFlags(batch.stream().map(Fetched::message).toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
		mailboxes.advance(mailbox.id(), batch.get(batch.size() - 1).uid());
		for (MailIngest.Result result : results) {
			count(result, counts);
		}
	}

	private MailIngest.Result store(Mailbox mailbox, Fetched f) {
		MailIngest.Result result = ingest.ingest(mailbox, f.raw(), f.uid());
		afterCommit.run(f.uid());
		if (result.outcome() == MailIngest.Outcome.QUARANTINED) {
			log.info("Mailbox {}: message UID {} quarantined: {}", mailbox.address(), f.uid(), result.reason());
		}
		return result;
	}

	private static void count(MailIngest.Result result, int[] counts) {
		counts[0]++;
		switch (result.outcome()) {
			case NEW_TICKET -> counts[1]++;
			case REPLY -> counts[2]++;
			case DUPLICATE -> counts[3]++;
			case QUARANTINED -> counts[4]++;
			case BOUNCE -> counts[5]++;
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

}
