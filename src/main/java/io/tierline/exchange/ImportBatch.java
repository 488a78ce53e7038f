package io.tierline.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.access.ClientRef;
import io.tierline.ticket.TicketHistory;
import io.tierline.ticket.TicketHistory.ImportedTicket;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Up to {@link #SIZE} accepted lines, stored together in one transaction. Duplicates (SPEC §14:
 * idempotent on client and externalId) are dropped first, against the database and within the
 * batch; a follow-up must name a ticket stored before or earlier in the batch. Should the batch
 * fail as a whole (a concurrent import of the same ids), each ticket is retried alone so one
 * bad ticket never costs the others.
 */
final class ImportBatch {

	static final int SIZE = 1000;

	/**
	 * The tickets' statistics are refreshed after this many imported tickets and again each time the
	 * run's count doubles (50,000, 100,000, 200,000 …); those of every table the import fills once a
	 * run that imported any has answered (in the background). The planner
	 * scales the row counts of statistics by the table's present size, so statistics taken at half
	 * the size still describe it; each ANALYZE costs about half a second.
	 */
	static final int ANALYZE_EVERY = 25_000;

	/** Whether statistics were refreshed when the run's count reached {@code imported}. */
	static boolean analyzedAt(long imported) {
		return imported > 0 && imported % ANALYZE_EVERY == 0 && Long.bitCount(imported / ANALYZE_EVERY) == 1;
	}

	record Line(long number, ClientRef client, ImportedTicket ticket) {
	}

	private final TicketHistory history;
	private final TransactionTemplate transaction;
	private final ImportReport.Tally tally;
	private final Map<Long, Long> importedPerClient;
	private final List<Line> lines = new ArrayList<>();

	ImportBatch(TicketHistory history, TransactionTemplate transaction, ImportReport.Tally tally,
			Map<Long, Long> importedPerClient) {
		this.history = history;
		this.transaction = transaction;
		this.tally = tally;
		this.importedPerClient = importedPerClient;
	}

	/** @return whether the batch is full */
	boolean add(Line line) {
		lines.add(line);
		return lines.size() >= SIZE;
	}

	void flush() {
		if (lines.isEmpty()) {
			return;
		}
		Map<ClientRef, List<Line>> byClient = new LinkedHashMap<>();
		lines.forEach(l -> byClient.computeIfAbsent(l.client(), c -> new ArrayList<>()).add(l));
		List<Line> accepted = new ArrayList<>();
		byClient.forEach((client, ls) -> accepted.addAll(newOnes(client, ls)));
		lines.clear();
		store(accepted);
	}

	private List<Line> newOnes(ClientRef client, List<Line> ls) {
		Set<String> known = new HashSet<>(history.known(client, ls.stream().map(l -> l.ticket().externalId()).toList()).keySet());
		List<String> originals = ls.stream().map(l -> l.ticket().followUpOf()).filter(java.util.Objects::nonNull).toList();
		Set<String> stored = new HashSet<>(history.known(client, originals).keySet());
		List<Line> fresh = new ArrayList<>();
		for (Line l : ls) {
			String id = l.ticket().externalId();
			if (!known.add(id)) {
				tally.duplicate();
			}
			else if (l.ticket().followUpOf() != null && !stored.contains(l.ticket().followUpOf())) {
				known.remove(id);
				tally.reject(l.number(), "followUpOf '" + l.ticket().followUpOf() + "' is not a ticket of client "
						+ client.slug() + " (an original must come before its follow-ups)");
			}
			else {
				stored.add(id);
				fresh.add(l);
			}
		}
		return fresh;
	}

	private void store(List<Line> accepted) {
		try {
			transaction.executeWithoutResult(s -> history.store(accepted.stream().map(Line::ticket).toList()));
			accepted.forEach(this::counted);
		}
		catch (DataAccessException batchFailed) {
			accepted.forEach(this::storeAlone);
		}
	}

	private void storeAlone(Line line) {
		try {
			transaction.executeWithoutResult(s -> history.store(List.of(line.ticket())));
			counted(line);
		}
		catch (DataAccessException e) {
			if (!history.known(line.client(), List.of(line.ticket().externalId())).isEmpty()) {
				tally.duplicate();
			}
			else {
				tally.reject(line.number(), "could not be stored: " + e.getMostSpecificCause().getMessage());
			}
		}
	}

	private void counted(Line line) {
		if (analyzedAt(tally.countImported())) {
			history.refreshTicketStatistics();
		}
		importedPerClient.merge(line.client().id(), 1L, Long::sum);
	}
}
