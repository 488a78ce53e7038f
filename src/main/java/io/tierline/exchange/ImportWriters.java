package io.tierline.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Stores batches of one import side by side, each in its own transaction on its own connection,
 * while the reader goes on parsing: the database works on several cores. At most one batch per
 * writer waits, which bounds the memory an import of any size takes.
 */
final class ImportWriters implements AutoCloseable {

	private final ExecutorService threads;
	private final Semaphore slots;
	private final List<Future<?>> running = new ArrayList<>();

	ImportWriters(int writers) {
		this.threads = Executors.newFixedThreadPool(writers, r -> {
			Thread t = new Thread(r, "history-import-writer");
			t.setDaemon(true);
			return t;
		});
		this.slots = new Semaphore(writers * 2);
	}

	void submit(Runnable batch) {
		slots.acquireUninterruptibly();
		try {
			running.add(threads.submit(() -> {
				try {
					batch.run();
				}
				finally {
					slots.release();
				}
			}));
		}
		catch (RuntimeException e) {
			slots.release();
			throw e;
		}
		running.removeIf(Future::isDone);
	}

	/**
	 * Submits a batch that must see every batch submitted before it stored (follow-ups, whose
	 * originals may be in them): it waits for them on its writer thread, while the reader goes on.
	 * Tasks start in the order submitted, so the earlier ones are running or done when it starts.
	 */
	void submitAfterEarlier(Runnable batch) {
		List<Future<?>> earlier = List.copyOf(running);
		submit(() -> {
			earlier.forEach(ImportWriters::await);
			batch.run();
		});
	}

	/** Waits until every submitted batch is stored; a batch that failed fails the import here. */
	void drain() {
		running.forEach(ImportWriters::await);
		running.clear();
	}

	/** The task's result once it is done; what it threw is thrown here, so a failed task fails the import. */
	static <T> T await(Future<T> task) {
		try {
			return task.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("import interrupted", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	/** Drops the batches not yet begun; a batch being stored finishes (see {@link OrderedParsing#close()}: no interrupt). */
	@Override
	public void close() {
		running.forEach(batch -> batch.cancel(false));
		threads.shutdown();
	}
}
