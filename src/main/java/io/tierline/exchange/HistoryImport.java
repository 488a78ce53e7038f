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

	HistoryImport(TicketHistory history, AccessManagement access, JsonMapper json, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, BulkWrites bulk, @Value("${tierline.import.writers:2}") int writerCount) {
		this.history = history;
		this.access = access;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
		this.bulk = bulk;
		this.writerCount = Math.max(1, writerCount);
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
				var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
			ImportBatch batch = new ImportBatch(history, transaction, tally, importedPerClient);
			ImportBatch followUps = new ImportBatch(history, transaction, tally, importedPerClient);
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				any = true;
				ImportBatch.Line accepted = accept(directory, tally, number, line);
				if (accepted == null) {
					continue;
				}
				boolean followUp = accepted.ticket().followUpOf() != null;
				if (!(followUp ? followUps : batch).add(accepted)) {
					continue;
				}
				writers.submit(batch::flush);
				batch = new ImportBatch(history, transaction, tally, importedPerClient);
				if (followUp) {
					writers.drain();
					followUps.flush();
				}
				progress.stored(number, tally);
			}
			if (!any) {
				throw InvalidInputException.of("body", "holds no ticket lines (JSON Lines, one ticket a line, SPEC §14)");
			}
			writers.submit(batch::flush);
			writers.drain();
			followUps.flush();
		}
		if (tally.counts().imported() % ImportBatch.ANALYZE_EVERY != 0) {
			history.refreshStatistics();
		}
		progress.stored(number, tally);
		audit(caller, tally, importedPerClient);
		return tally.report();
	}

	/** @return the resolved line, or null when it was rejected */
	private ImportBatch.Line accept(ImportDirectory directory, ImportReport.Tally tally, long number, String line) {
		try {
			ParsedTicket parsed = TicketLine.parse(json, line);
			var client = directory.client(parsed.client());
			return new ImportBatch.Line(number, client, directory.resolve(parsed, client));
		}
		catch (BadLine bad) {
			tally.reject(number, bad.getMessage());
			return null;
		}
	}

	private void audit(Caller caller, ImportReport.Tally tally, Map<Long, Long> importedPerClient) {
		transaction.executeWithoutResult(s -> importedPerClient.forEach((clientId, imported) -> events.publishEvent(
				new AuditEvent(clientId, caller.userId(), caller.email(), "TICKETS_IMPORTED", null, "import", null,
						Map.of("imported", imported, "duplicatesInRun", tally.duplicates, "rejectedInRun", tally.rejected)))));
	}
}
