package io.tierline.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.tierline.search.SearchDocument;
import io.tierline.search.SearchSource;

import org.springframework.stereotype.Component;

/**
 * Rebuilds this node's index from the sources: on start when the index is missing, and on an
 * admin's command. Searches keep answering from the last commit until the rebuild commits.
 */
@Component
public class Reindexer {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reindexer.class);

	private final SearchIndex index;
	private final IndexLog changes;
	private final Sources sources;
	private final Embeddings embeddings;
	private final Clock clock;
	private final AtomicLong done = new AtomicLong();
	private volatile Progress progress = new Progress(State.IDLE, 0, 0, null, null, null);

	Reindexer(SearchIndex index, IndexLog changes, Sources sources, Embeddings embeddings, Clock clock) {
		this.index = index;
		this.changes = changes;
		this.sources = sources;
		this.embeddings = embeddings;
		this.clock = clock;
	}

	public enum State {
		IDLE, RUNNING, DONE, FAILED
	}

	/**
	 * @param total documents the sources announced (an estimate); {@code error} is null unless FAILED
	 */
	public record Progress(State state, long done, long total, Instant startedAt, Instant finishedAt, String error) {

		public int percent() {
			return total == 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, done * 100 / total);
		}
	}

	public Progress progress() {
		Progress p = progress;
		return p.state() == State.RUNNING ? new Progress(p.state(), done.get(), p.total(), p.startedAt(), null, null) : p;
	}

	public boolean running() {
		return progress.state() == State.RUNNING;
	}

	/** Starts a rebuild in the background unless one runs; returns the progress either way. */
	public synchronized Progress start() {
		if (!running()) {
			done.set(0);
			progress = new Progress(State.RUNNING, 0, 0, clock.instant(), null, null);
			Thread worker = new Thread(this::run, "search-reindex");
			worker.setDaemon(true);
			worker.start();
		}
		return progress();
	}

	private void run() {
		index.writeLock().lock();
		try {
			long total = sources.all().stream().mapToLong(SearchSource::count).sum();
			progress = new Progress(State.RUNNING, 0, total, progress.startedAt(), null, null);
			// rows up to the head are in what the sources give now; later rows are applied after
			long head = changes.head();
			LuceneIndex lucene = index.current();
			lucene.deleteAll();
			index.appliedAbove().clear();
			for (SearchSource source : sources.all()) {
				source.forEach(doc -> {
					lucene.upsert(doc, embeddings.embed(embeddingText(doc)));
					done.incrementAndGet();
				});
			}
			lucene.optimize();
			lucene.commit(head);
			lucene.refresh();
			progress = new Progress(State.DONE, done.get(), Math.max(total, done.get()), progress.startedAt(), clock.instant(), null);
			log.info("Search index rebuilt: {} documents", done.get());
		}
		catch (RuntimeException e) {
			log.error("Search index rebuild failed", e);
			index.reopenLocked();
			progress = new Progress(State.FAILED, done.get(), progress.total(), progress.startedAt(), clock.instant(), e.toString());
		}
		finally {
			index.writeLock().unlock();
		}
	}

	/** What the embedding is computed from: the title weighs in first, then the start of the body. */
	static String embeddingText(SearchDocument doc) {
		return doc.title() + ". " + doc.body();
	}
}
