package io.tierline.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Parses the lines of an import on several threads, a chunk of {@value #CHUNK} lines per task, and
 * hands the results to one consumer in the order of the lines, so everything that depends on
 * order (duplicates within the file, a follow-up after its original, the report) stays as if one
 * thread had read the file. At most a few chunks per thread are in flight, which bounds the memory
 * an import of any size takes.
 *
 * @param <T> what one line becomes
 */
final class OrderedParsing<T> implements AutoCloseable {

	static final int CHUNK = 200;

	/** Parses one line; must not throw for bad input (answer a rejection instead). */
	interface LineParser<T> {

		T parse(long number, String line);
	}

	private final ExecutorService threads;
	private final LineParser<T> parser;
	private final int window;
	private final Deque<Future<List<T>>> inFlight = new ArrayDeque<>();
	private long[] numbers = new long[CHUNK];
	private String[] lines = new String[CHUNK];
	private int size;

	OrderedParsing(int threadCount, LineParser<T> parser) {
		this.threads = Executors.newFixedThreadPool(threadCount, r -> {
			Thread t = new Thread(r, "history-import-parser");
			t.setDaemon(true);
			return t;
		});
		this.parser = parser;
		this.window = threadCount * 3;
	}

	/** Takes a line; hands on (to {@code ready}) the results of chunks that are done, in order, once enough are in flight. */
	void add(long number, String line, Consumer<T> ready) {
		numbers[size] = number;
		lines[size] = line;
		if (++size == CHUNK) {
			submit();
		}
		while (inFlight.size() > window) {
			handOn(inFlight.poll(), ready);
		}
	}

	/** Parses what is left and hands on every result still outstanding, in order. */
	void finish(Consumer<T> ready) {
		if (size > 0) {
			submit();
		}
		while (!inFlight.isEmpty()) {
			handOn(inFlight.poll(), ready);
		}
	}

	private void submit() {
		long[] chunkNumbers = numbers;
		String[] chunkLines = lines;
		int chunkSize = size;
		inFlight.add(threads.submit(() -> {
			List<T> parsed = new ArrayList<>(chunkSize);
			for (int i = 0; i < chunkSize; i++) {
				parsed.add(parser.parse(chunkNumbers[i], chunkLines[i]));
			}
			return parsed;
		}));
		numbers = new long[CHUNK];
		lines = new String[CHUNK];
		size = 0;
	}

	private static <T> void handOn(Future<List<T>> chunk, Consumer<T> ready) {
		ImportWriters.await(chunk).forEach(ready);
	}

	/**
	 * Drops the chunks not yet begun; a chunk being parsed finishes (no interrupt: an interrupted
	 * thread in the middle of a JDBC call can close an H2 file database for everybody).
	 */
	@Override
	public void close() {
		inFlight.forEach(chunk -> chunk.cancel(false));
		threads.shutdown();
	}
}
