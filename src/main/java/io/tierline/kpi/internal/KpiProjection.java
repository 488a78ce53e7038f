package io.tierline.kpi.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tierline.access.Caller;
import io.tierline.common.ForbiddenException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the KPI facts current from ticket_events, whoever wrote them (the product or the
 * importer). It reads events past a watermark; because identity values can commit out of order,
 * each round also looks again at the {@code safety} ids below it and replays every ticket whose
 * event count differs from its facts. Replaying a ticket recomputes its rows whole, so a ticket
 * replayed twice is harmless. The watermark row is locked, so one node projects at a time.
 */
@Service
public class KpiProjection {

	/** Days summed per transaction, so that summing a year does not hold the watermark lock for long. */
	private static final int DAYS_PER_TRANSACTION = 31;

	private final JdbcClient jdbc;
	private final TicketHistories histories;
	private final KpiFacts facts;
	private final KpiRollup rollup;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final int batch;
	private final long safety;

	KpiProjection(JdbcClient jdbc, TicketHistories histories, KpiFacts facts, KpiRollup rollup, Clock clock, PlatformTransactionManager transactions,
			@Value("${tierline.kpi.batch:2000}") int batch, @Value("${tierline.kpi.safety-ids:1000}") long safety) {
		this.jdbc = jdbc;
		this.histories = histories;
		this.facts = facts;
		this.rollup = rollup;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.batch = batch;
		this.safety = safety;
	}

	/** How far the projection is: its watermark against the newest event id, and the days before yesterday whose daily sums are stale. */
	public record Progress(long lastEventId, long newestEventId, long tickets, long staleDays) {
	}

	/**
	 * Rounds until nothing is left, then sums the days whose facts changed again (once caught up, so
	 * that a rebuild or an import sums each day once); returns how many tickets were replayed.
	 */
	public int catchUp() {
		return catchUp(() -> false);
	}

	/** As {@link #catchUp()}, stopping after the round in which {@code pause} turns true (the watermark keeps the place). */
	int catchUp(java.util.function.BooleanSupplier pause) {
		int total = 0;
		while (true) {
			Round round = transaction.execute(status -> round());
			total += round.replayed();
			if (!round.advanced()) {
				sumStaleDays(pause);
				return total;
			}
			if (pause.getAsBoolean()) {
				return total; // the days are summed once the import is over and the projection has caught up
			}
		}
	}

	/** Sums the stale days a few to a transaction, stopping when {@code pause} turns true (they stay stale until a later round). */
	private void sumStaleDays(java.util.function.BooleanSupplier pause) {
		Integer summed;
		do {
			summed = transaction.execute(status -> {
				watermark();
				rollup.prepare();
				return rollup.refresh(DAYS_PER_TRANSACTION, horizon());
			});
		}
		while (summed != null && summed == DAYS_PER_TRANSACTION && !pause.getAsBoolean());
	}

	/** A provider admin's rebuild: see {@link #rebuild()}. */
	public Progress rebuild(Caller caller) {
		if (!caller.isProviderAdmin() || !caller.hasScope("admin")) {
			throw new ForbiddenException("Only provider admins rebuild the KPI facts");
		}
		rebuild();
		return progress();
	}

	/** Forgets every fact and starts again from the first event; the worker (or {@link #catchUp()}) does the work. */
	public void rebuild() {
		transaction.executeWithoutResult(status -> {
			watermark();
			facts.clear();
			jdbc.sql("update kpi_state set last_event_id = 0 where id = 1").update();
		});
	}

	public Progress progress() {
		return new Progress(jdbc.sql("select last_event_id from kpi_state where id = 1").query(Long.class).single(),
				jdbc.sql("select coalesce(max(id), 0) from ticket_events").query(Long.class).single(),
				jdbc.sql("select count(*) from kpi_tickets").query(Long.class).single(), rollup.staleDays(horizon()));
	}

	/** SPEC §7: the shortest window is a day, so with asOf <= now no question reads yesterday or today summed. */
	private LocalDate horizon() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
	}

	private record Round(boolean advanced, int replayed) {
	}

	private Round round() {
		long watermark = watermark();
		Long high = jdbc.sql("select max(id) from (select id from ticket_events where id > ? order by id limit ?) b")
			.params(watermark, batch).query(Long.class).optional().orElse(null);
		long top = high == null ? watermark : high;
		List<Long> stale = stale(Math.max(0, watermark - safety), top);
		Set<Long> replay = new LinkedHashSet<>(stale);
		if (!stale.isEmpty()) {
			replay.addAll(histories.originalsOf(stale));
			facts.replace(histories.replay(replay));
		}
		if (top > watermark) {
			jdbc.sql("update kpi_state set last_event_id = ? where id = 1").param(top).update();
		}
		return new Round(top > watermark, replay.size());
	}

	private long watermark() {
		return jdbc.sql("select last_event_id from kpi_state where id = 1 for update").query(Long.class).single();
	}

	/** Tickets with events in (low, high] whose facts are missing or were computed from another number of events. */
	private List<Long> stale(long low, long high) {
		return jdbc.sql("""
				select w.ticket_id from (select distinct ticket_id from ticket_events where id > ? and id <= ?) w
				left join kpi_tickets f on f.ticket_id = w.ticket_id
				where f.ticket_id is null or f.event_count <> (select count(*) from ticket_events c where c.ticket_id = w.ticket_id)""")
			.params(low, high).query(Long.class).list();
	}
}
