package io.tierline.channel.email;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One IMAP IDLE connection per mailbox this node polls: when the server reports a change the
 * mailbox is marked to be polled at the next tick. A server without IDLE is left to the poll.
 */
@Component
class MailboxIdler {

	private static final Logger log = LoggerFactory.getLogger(MailboxIdler.class);

	private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
	private final Set<Long> woken = ConcurrentHashMap.newKeySet();

	/** Starts watching unless already watching (or the server has been found to lack IDLE). */
	void watch(Mailbox mailbox) {
		watches.computeIfAbsent(mailbox.id(), id -> {
			Watch w = new Watch(mailbox);
			Thread t = new Thread(w, "mail-idle-" + id);
			t.setDaemon(true);
			t.start();
			return w;
		});
	}

	/** true once after the server reported a change on this mailbox */
	boolean takeWake(long mailboxId) {
		return woken.remove(mailboxId);
	}

	boolean watching(long mailboxId) {
		Watch w = watches.get(mailboxId);
		return w != null && w.idling;
	}

	void stop(long mailboxId) {
		Watch w = watches.remove(mailboxId);
		if (w != null) {
			w.stop();
		}
	}

	void stopAll() {
		watches.keySet().forEach(this::stop);
	}

	private final class Watch implements Runnable {

		private final Mailbox mailbox;
		private volatile boolean stopped;
		private volatile boolean idling;
		private volatile Store store;

		Watch(Mailbox mailbox) {
			this.mailbox = mailbox;
		}

		@Override
		public void run() {
			while (!stopped) {
				try {
					if (!idleUntilStopped()) {
						return; // no IDLE on this server: the poll interval decides (the entry stays so we do not ask again)
					}
				}
				catch (MessagingException | RuntimeException e) {
					idling = false;
					if (!stopped) {
						log.debug("IDLE on mailbox {} dropped, reconnecting in 10 s: {}", mailbox.id(), e.toString());
						pause(10_000);
					}
				}
			}
		}

		private boolean idleUntilStopped() throws MessagingException {
			store = MailServers.imap(mailbox);
			try {
				if (!((IMAPStore) store).hasCapability("IDLE")) {
					log.info("Mailbox {}: the server offers no IDLE; polling only", mailbox.address());
					return false;
				}
				IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
				folder.open(Folder.READ_ONLY);
				while (!stopped) {
					idling = true;
					folder.idle(true);
					woken.add(mailbox.id());
				}
				return true;
			}
			finally {
				idling = false;
				close();
			}
		}

		void stop() {
			stopped = true;
			close();
		}

		private void close() {
			Store s = store;
			if (s != null) {
				try {
					s.close();
				}
				catch (MessagingException e) {
					// closing a dead connection: nothing left to do
				}
			}
		}

		private void pause(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				stopped = true;
			}
		}
	}
}
