package io.tierline.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tierline.common.BulkWrites;
import io.tierline.search.SearchDocument;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index current by applying {@code search_index_log} rows after its watermark.
 * Identity values can commit out of order (a transaction that took id 7 may commit after the one
 * that took 8), so the watermark only passes rows older than {@link #SETTLE}; younger rows are
 * applied at once and remembered, so a late row with a lower id is still picked up next time.
 * While a bulk write (a history import) runs on this node the follower waits: embedding competes
 * with it for the cores. It catches up when the import ends.
 */
@Component
public class IndexFollower {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndexFollower.class);

	static final Duration SETTLE = Duration.ofSeconds(30);
	private static final int BATCH = 500;

	/** A catch-up this large (after an import) is logged, with its progress every {@link #PROGRESS_EVERY} changes. */
	private static final int BULK = 1_000;
	private static final int PROGRESS_EVERY = 5_000;

	private final SearchIndex index;
	private final IndexLog changes;
	private final Embeddings embeddings;
	private final Reindexer reindexer;
	private final Clock clock;
	private final long periodMs;
	private final Duration retention;
	private final BulkWrites bulk;
	private final TicketSearchSource tickets;
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "search-follower");
		t.setDaemon(true);
		return t;
	});
	private Instant lastPrune = Instant.EPOCH;

	IndexFollower(SearchIndex index, IndexLog changes, Embeddings embeddings, Reindexer reindexer, Clock clock,
			@Value("${tierline.search.follow-ms:1000}") long periodMs,
			@Value("${tierline.search.log-retention:P14D}") Duration retention, BulkWrites bulk, TicketSearchSource tickets) {
		this.index = index;
		this.changes = changes;
		this.embeddings = embeddings;
		this.reindexer = reindexer;
		this.clock = clock;
		this.periodMs = periodMs;
		this.retention = retention;
		this.bulk = bulk;
		this.tickets = tickets;
	}

	/** Rebuilds a missing index in the background, then follows the log. */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		changes.onAppend(this::nudge);
		bulk.onEnd(this::nudge);
		if (!index.current().existed()) {
			reindexer.start();
		}
		executor.scheduleWithFixedDelay(this::followQuietly, periodMs, periodMs, TimeUnit.MILLISECONDS);
	}

	/** Opens the index again from its directory, rebuilding it when it is missing (e.g. its files were removed). */
	public void reopenOrRebuild() {
		if (!index.reopen().existed()) {
			reindexer.start();
		}
	}

	/** Follows soon (a change was just committed on this node). */
	public void nudge() {
		try {
			executor.execute(this::followQuietly);
		}
		catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
			// the next start follows from the watermark
		}
	}

	/** Applies every pending change now; returns how many rows were applied. */
	public int follow() {
		if (bulk.deferring() || reindexer.running() || !index.writeLock().tryLock()) {
			return 0;
		}
		try {
			LuceneIndex lucene = index.current();
			long watermark = lucene.watermark();
			if (watermark > 0 && (changes.oldest() > watermark + 1 || changes.head() < watermark)) {
				// behind what the log still keeps, or ahead of it (a database restored or replaced under the index)
				log.warn("Search index watermark {} does not fit the log ({}..{}): rebuilding", watermark, changes.oldest(), changes.head());
				reindexer.start();
				return 0;
			}
			return apply(lucene, watermark);
		}
		finally {
			index.writeLock().unlock();
		}
	}

	private int apply(LuceneIndex lucene, long watermark) {
		Instant settled = clock.instant().minus(SETTLE);
		long next = watermark;
		boolean contiguous = true;
		int applied = 0;
		List<IndexLog.Entry> entries;
		long from = watermark;
		long started = System.nanoTime();
		while (!bulk.deferring() && !(entries = changes.after(from, BATCH)).isEmpty()) {
			Map<Long, SearchDocument> read = readFromSources(entries);
			for (IndexLog.Entry e : entries) {
				if (bulk.deferring()) {
					// an import began: stop between two entries (embedding a page takes seconds)
					break;
				}
				if (index.appliedAbove().add(e.seq())) {
					applyOne(lucene, e, read);
					applied++;
				}
				contiguous = contiguous && e.loggedAt().isBefore(settled);
				if (contiguous) {
					next = e.seq();
				}
			}
			from = entries.get(entries.size() - 1).seq();
			if (applied / PROGRESS_EVERY != (applied - entries.size()) / PROGRESS_EVERY) {
				log.info("Search index following the log: {} changes applied in {} s, at {}", applied,
						(System.nanoTime() - started) / 1_000_000_000, from);
			}
		}
		if (applied >= BULK) {
			log.info("Search index {}: {} changes applied in {} ms, at {}", bulk.deferring() ? "paused for a bulk write" : "caught up", applied,
					(System.nanoTime() - started) / 1_000_000, from);
		}
		if (applied > 0 || next != watermark) {
			lucene.commit(next);
			lucene.refresh();
			long kept = next;
			index.appliedAbove().removeIf(seq -> seq <= kept);
		}
		return applied;
	}

	/** The tickets of the entries logged without their documents, read together: solved or closed ones only. */
	private Map<Long, SearchDocument> readFromSources(List<IndexLog.Entry> entries) {
		List<Long> ids = entries.stream().filter(IndexLog.Entry::readFromSource).map(IndexLog.Entry::docId).distinct().toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, SearchDocument> read = new HashMap<>();
		tickets.findAll(ids).forEach(d -> read.put(d.id(), d));
		return read;
	}

	private void applyOne(LuceneIndex lucene, IndexLog.Entry e, Map<Long, SearchDocument> read) {
		SearchDocument document = e.readFromSource() ? read.get(e.docId()) : e.document();
		if (document == null) {
			lucene.delete(e.type(), e.docId());
		}
		else {
			lucene.upsert(document, embeddings.embed(Reindexer.embeddingText(document)));
		}
	}

	private void followQuietly() {
		try {
			follow();
			pruneDaily();
		}
		catch (RuntimeException e) {
			log.warn("Search index could not follow the log; retrying", e);
		}
	}

	private void pruneDaily() {
		Instant now = clock.instant();
		if (Duration.between(lastPrune, now).toHours() >= 24) {
			lastPrune = now;
			changes.prune(now.minus(retention), index.current().watermark());
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}
}
