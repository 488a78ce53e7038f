package io.tierline.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tierline.access.Caller;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Imports in the background with progress (SPEC §14): the body is first kept in a temporary file,
 * so the upload ends quickly and the job knows its size, then read by {@link HistoryImport} while
 * the job's row tells how far it is. Each job is visible to whoever started it.
 */
@Service
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);

	private final HistoryImport imports;
	private final ImportJobRows rows;
	private final Clock clock;
	private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
		Thread t = new Thread(r, "history-import");
		t.setDaemon(true);
		return t;
	});

	ImportJobs(HistoryImport imports, ImportJobRows rows, Clock clock) {
		this.imports = imports;
		this.rows = rows;
		this.clock = clock;
	}

	ImportJob start(Caller caller, String fileName, InputStream body) throws IOException {
		imports.requireImporter(caller);
		Path file = Files.createTempFile("tierline-import-", ".jsonl");
		try {
			long size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
			if (size == 0) {
				throw InvalidInputException.of("body", "is empty: send the JSON Lines file (SPEC §14)");
			}
			long id = rows.insert(caller.userId(), name(fileName), size);
			runner.execute(() -> run(caller, id, file));
			return get(caller, id);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(file);
			throw e;
		}
	}

	ImportJob get(Caller caller, long id) {
		return rows.find(id, caller.userId()).orElseThrow(() -> new NotFoundException("import job " + id));
	}

	List<ImportJob> recent(Caller caller) {
		return rows.recent(caller.userId(), 20);
	}

	private void run(Caller caller, long id, Path file) {
		try (var in = new CountingInputStream(Files.newInputStream(file))) {
			var throttle = new Instant[] { Instant.MIN };
			ImportReport report = imports.run(caller, in, (lines, tally) -> {
				Instant now = clock.instant();
				if (throttle[0].plus(PROGRESS_EVERY).isBefore(now)) {
					throttle[0] = now;
					rows.progress(id, in.count(), lines, tally);
				}
			});
			rows.done(id, in.count(), report);
		}
		catch (InvalidInputException e) {
			rows.failed(id, e.getMessage());
		}
		catch (IOException | RuntimeException e) {
			log.warn("Import job {} failed", id, e);
			rows.failed(id, e.getMessage());
		}
		finally {
			delete(file);
		}
	}

	private static String name(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return "upload.jsonl";
		}
		String base = Path.of(fileName.replace('\\', '/')).getFileName().toString();
		return base.length() > 255 ? base.substring(0, 255) : base;
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PreDestroy
	void stop() {
		runner.shutdownNow();
	}
}
