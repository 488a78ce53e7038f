package io.tierline.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bulk writes running on this node (a history import, SPEC §14). Background followers that read
 * what such writes store and compete with them for the same cores and database (the KPI
 * projection, the search index follower and its embeddings) wait while one runs and catch up from
 * their durable watermarks when the last one ends: nothing is skipped, only later. A crash ends
 * every hold with the process. {@code tierline.bulk.defer-followers=false} keeps them running.
 */
@Component
public class BulkWrites {

	private final boolean deferFollowers;
	private final AtomicInteger running = new AtomicInteger();
	private final List<Runnable> onEnd = new CopyOnWriteArrayList<>();

	BulkWrites(@Value("${tierline.bulk.defer-followers:true}") boolean deferFollowers) {
		this.deferFollowers = deferFollowers;
	}

	/** One bulk write until the hold is closed (closing it twice counts once). */
	public Hold begin() {
		running.incrementAndGet();
		return new Hold();
	}

	/** Whether followers should wait now. */
	public boolean deferring() {
		return deferFollowers && running.get() > 0;
	}

	/** Runs {@code listener} (on the thread that ends it) when the last running bulk write ends. */
	public void onEnd(Runnable listener) {
		onEnd.add(listener);
	}

	/** A running bulk write; closing it may start the followers' catch-up. */
	public final class Hold implements AutoCloseable {

		private final AtomicBoolean closed = new AtomicBoolean();

		private Hold() {
		}

		@Override
		public void close() {
			if (closed.compareAndSet(false, true) && running.decrementAndGet() == 0) {
				onEnd.forEach(Runnable::run);
			}
		}
	}
}
