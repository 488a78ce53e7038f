package io.tierline.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.AuditEvent;
import io.tierline.common.BulkWrites;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import io.tierline.ticket.TicketHistory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SPEC §14 import: reads the body line by line (never whole), checks and resolves each line,
 * and stores accepted tickets {@value ImportBatch#SIZE} to a transaction. A bad line is reported
 * with its number and reason and the others go on. Imported tickets are history: they start no
 * SLA clocks and send no notifications; the audit log gets one entry per client per run.
 */
@Service
class HistoryImport {

	private final TicketHistory history;
	private final AccessManagement access;
	private final JsonMapper json;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;
	private final BulkWrites bulk;
	private final int writerCount;
	private final int parserCount;

	HistoryImport(TicketHistory history, AccessManagement access, JsonMapper json, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, BulkWrites bulk, @Value("${tierline.import.writers:2}") int writerCount,
			@Value("${tierline.import.parsers:2}") int parserCount) {
		this.history = history;
		this.access = access;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
		this.bulk = bulk;
		this.writerCount = Math.max(1, writerCount);
		this.parserCount = Math.max(1, parserCount);
	}

	/** Statistics after a run: they need not be current when it answers, and ANALYZE takes a second. */
	private final java.util.concurrent.Executor statistics = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "import-statistics");
		t.setDaemon(true);
		return t;
	});

	private void refreshStatistics() {
		try {
			history.refreshStatistics();
		}
		catch (RuntimeException e) {
			org.slf4j.LoggerFactory.getLogger(HistoryImport.class).warn("Statistics after an import not refreshed: {}", e.toString());
		}
	}

	/** Refuses the whole request, before reading it, when the caller administers no client (with the admin scope). */
	void requireImporter(Caller caller) {
		if (access.clients().stream().noneMatch(c -> ImportDirectory.administers(caller, c))) {
			throw new ForbiddenException("Importing tickets takes a provider or client admin with the admin scope");
		}
	}

	ImportReport run(Caller caller, InputStream body) throws IOException {
		return run(caller, body, ImportProgress.NONE);
	}

	/**
	 * As {@link #run(Caller, InputStream)}, telling {@code progress} after every batch handed on.
	 * Batches are stored side by side ({@link ImportWriters}); a follow-up waits in a batch of its
	 * own until every ticket read before it is stored, so its original is found. The KPI projection
	 * and the search follower of this node wait meanwhile ({@link BulkWrites}) and catch up after.
	 */
	ImportReport run(Caller caller, InputStream body, ImportProgress progress) throws IOException {
		requireImporter(caller);
		try (var hold = bulk.begin()) {
			return store(caller, body, progress);
		}
	}

	private ImportReport store(Caller caller, InputStream body, ImportProgress progress) throws IOException {
		var tally = new ImportReport.Tally();
		Map<Long, Long> importedPerClient = new ConcurrentHashMap<>();
		var directory = new ImportDirectory(access, caller);
		long number = 0;
		boolean any = false;
		try (var writers = new ImportWriters(writerCount);
				var parsing = new OrderedParsing<Parsed>(parserCount, (n, line) -> accept(directory, n, line));
				var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
			var batches = new Batches(writers, tally, importedPerClient, progress);
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				any = true;
				parsing.add(number, line, batches::take);
			}
			if (!any) {
				throw InvalidInputException.of("body", "holds no ticket lines (JSON Lines, one ticket a line, SPEC §14)");
			}
			parsing.finish(batches::take);
			batches.finish();
		}
		history.durable();
		if (tally.counts().imported() > 0) {
			statistics.execute(this::refreshStatistics);
		}
		progress.stored(number, tally);
		audit(caller, tally, importedPerClient);
		return tally.report();
	}

	/** A line parsed and resolved (on a parser thread), or the reason it was rejected. */
	private record Parsed(long number, ImportBatch.Line line, String rejection) {
	}

	private Parsed accept(ImportDirectory directory, long number, String line) {
		try {
			ParsedTicket parsed = TicketLine.parse(json, line);
			var client = directory.client(parsed.client());
			return new Parsed(number, new ImportBatch.Line(number, client, directory.resolve(parsed, client)), null);
		}
		catch (BadLine bad) {
			return new Parsed(number, null, bad.getMessage());
		}
	}

	/**
	 * Takes the parsed lines in file order and fills batches for the writers. A follow-up waits in a
	 * batch of its own, stored once every ticket read before it is, so its original is found.
	 */
	private final class Batches {

		private final ImportWriters writers;
		private final ImportReport.Tally tally;
		private final Map<Long, Long> importedPerClient;
		private final ImportProgress progress;
		private ImportBatch batch;
		private ImportBatch followUps;

		Batches(ImportWriters writers, ImportReport.Tally tally, Map<Long, Long> importedPerClient, ImportProgress progress) {
			this.writers = writers;
			this.tally = tally;
			this.importedPerClient = importedPerClient;
			this.progress = progress;
			this.batch = newBatch();
			this.followUps = newBatch();
		}

		void take(Parsed parsed) {
			if (parsed.rejection() != null) {
				tally.reject(parsed.number(), parsed.rejection());
				return;
			}
			boolean followUp = parsed.line().ticket().followUpOf() != null;
			if (!(followUp ? followUps : batch).add(parsed.line())) {
				return;
			}
			writers.submit(batch::flush);
			batch = newBatch();
			if (followUp) {
				writers.submitAfterEarlier(followUps::flush);
				followUps = newBatch();
			}
			progress.stored(parsed.number(), tally);
		}

		void finish() {
			writers.submit(batch::flush);
			writers.drain();
			followUps.flush();
		}

		private ImportBatch newBatch() {
			return new ImportBatch(history, transaction, tally, importedPerClient);
		}
	}

	private void audit(Caller caller, ImportReport.Tally tally, Map<Long, Long> importedPerClient) {
		transaction.executeWithoutResult(s -> importedPerClient.forEach((clientId, imported) -> events.publishEvent(
				new AuditEvent(clientId, caller.userId(), caller.email(), "TICKETS_IMPORTED", null, "import", null,
						Map.of("imported", imported, "duplicatesInRun", tally.duplicates, "rejectedInRun", tally.rejected)))));
	}
}
