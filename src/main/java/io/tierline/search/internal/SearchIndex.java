package io.tierline.search.internal;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's index, opened from {@code tierline.search.dir}. Writers (the log follower and a
 * rebuild) take {@link #writeLock()} so their commits never interleave; searches never wait.
 */
@Component
public class SearchIndex {

	private final Path path;
	private final ReentrantLock writeLock = new ReentrantLock();
	private volatile LuceneIndex index;
	/** Log rows above the watermark already applied (younger than the follower's settle time); guarded by the write lock. */
	private final java.util.Set<Long> appliedAbove = new java.util.HashSet<>();

	public SearchIndex(@Value("${tierline.search.dir:./data/search}") Path path) {
		this.path = path;
		this.index = new LuceneIndex(path);
	}

	public LuceneIndex current() {
		return index;
	}

	public ReentrantLock writeLock() {
		return writeLock;
	}

	public java.util.Set<Long> appliedAbove() {
		return appliedAbove;
	}

	public Path path() {
		return path;
	}

	/** Closes and opens the index again (after its files were removed it starts empty: {@link LuceneIndex#existed()} is false). */
	public LuceneIndex reopen() {
		writeLock.lock();
		try {
			return reopenLocked();
		}
		finally {
			writeLock.unlock();
		}
	}

	/** As {@link #reopen()}, for a holder of the write lock: drops whatever was not committed. */
	LuceneIndex reopenLocked() {
		index.close();
		index = new LuceneIndex(path);
		appliedAbove.clear();
		return index;
	}

	@PreDestroy
	void close() {
		index.close();
	}
}
