package io.tierline.channel.email;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the active mailboxes. A node polls a mailbox only while it holds its lease, which it renews
 * at each poll, so one node at a time reads each mailbox and another takes over when a node dies.
 * Between polls an IMAP IDLE connection (where the server offers it) wakes the poll as soon as
 * mail arrives; without IDLE the poll interval alone decides.
 */
@Component
@ConditionalOnProperty(name = "tierline.mail.workers", havingValue = "true", matchIfMissing = true)
class MailboxWorker {

	private static final Logger log = LoggerFactory.getLogger(MailboxWorker.class);

	private final Mailboxes mailboxes;
	private final MailboxPoller poller;
	private final MailboxIdler idler;
	private final Clock clock;
	private final Duration interval;
	private final Duration lease;
	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Integer.toHexString(System.identityHashCode(this));
	private final Map<Long, Instant> lastPoll = new ConcurrentHashMap<>();
	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	MailboxWorker(Mailboxes mailboxes, MailboxPoller poller, MailboxIdler idler, Clock clock,
			@Value("${tierline.mail.poll-ms:30000}") long pollMillis) {
		this.mailboxes = mailboxes;
		this.poller = poller;
		this.idler = idler;
		this.clock = clock;
		this.interval = Duration.ofMillis(pollMillis);
		this.lease = Duration.ofMillis(Math.max(60_000, pollMillis * 4));
	}

	@Scheduled(fixedDelayString = "${tierline.mail.tick-ms:500}", initialDelay = 3000)
	void tick() {
		for (long id : mailboxes.active()) {
			Instant now = clock.instant();
			boolean due = idler.takeWake(id) || lastPoll.getOrDefault(id, Instant.EPOCH).plus(interval).isBefore(now);
			if (due) {
				pollIfLeased(id, now);
			}
		}
	}

	private void pollIfLeased(long id, Instant now) {
		if (!mailboxes.lease(id, node, now, now.plus(lease))) {
			held.remove(id);
			idler.stop(id);
			return;
		}
		held.add(id);
		lastPoll.put(id, now);
		try {
			MailboxPoller.Pass pass = poller.poll(id);
			if (pass.read() > 0) {
				log.info("Mailbox {}: {}", id, pass);
			}
			mailboxes.find(id).ifPresent(idler::watch);
		}
		catch (Exception e) {
			log.warn("Mailbox {} poll failed; it is tried again at the next interval: {}", id, e.toString());
		}
	}

	@PreDestroy
	void stop() {
		idler.stopAll();
		held.forEach(id -> mailboxes.release(id, node));
	}
}
