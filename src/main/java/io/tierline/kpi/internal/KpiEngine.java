package io.tierline.kpi.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.kpi.KpiValue;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Answers KPI questions (SPEC §7) for the clients the caller may read: their client for a client
 * admin or auditor, the granted clients for provider staff. Every KPI is a set-based query over
 * the projected facts; Java only labels the groups.
 */
@Service
public class KpiEngine {

	private static final int LONGEST_WINDOW_DAYS = 90;

	private final AccessManagement access;
	private final CohortKpis cohorts;
	private final ItemKpis items;
	private final DocumentationKpis documentation;
	private final DeflectionKpis deflection;
	private final StateKpis state;
	private final GroupLabels labels;
	private final KpiRollup rollup;
	private final Clock clock;
	private final int windowDays;
	private final ExecutorService queries = Executors.newFixedThreadPool(9, r -> {
		Thread t = new Thread(r, "kpi-query");
		t.setDaemon(true);
		return t;
	});

	KpiEngine(AccessManagement access, CohortKpis cohorts, ItemKpis items, DocumentationKpis documentation,
			DeflectionKpis deflection, StateKpis state, GroupLabels labels, KpiRollup rollup, Clock clock,
			@Value("${tierline.kpi.window-days:7}") int windowDays) {
		this.access = access;
		this.cohorts = cohorts;
		this.items = items;
		this.documentation = documentation;
		this.deflection = deflection;
		this.state = state;
		this.labels = labels;
		this.rollup = rollup;
		this.clock = clock;
		this.windowDays = windowDays;
	}

	/** The answer; {@code from} inclusive, {@code to} exclusive. */
	public record Report(List<String> clients, String queue, Instant from, Instant to, Instant asOf, String groupBy, int windowDays,
			List<KpiValue> kpis) {
	}

	/** Parameters as the API receives them; any may be null. */
	public record Question(String client, String from, String to, String asOf, String groupBy, String windowDays, String queue) {

		public Question(String client, String from, String to, String asOf, String groupBy, String windowDays) {
			this(client, from, to, asOf, groupBy, windowDays, null);
		}
	}

	public Report report(Caller caller, Question question) {
		var check = new InputCheck();
		ClientRef client = check.lookup(question.client(), access::clientBySlug, "client", "client");
		KpiQuery query = query(question, check);
		Long queue = queue(question, client, check);
		check.throwIfInvalid();
		List<ClientRef> clients = access.clients().stream()
			.filter(c -> client == null || c.id() == client.id())
			.filter(c -> caller.readsWholeClient(c.id()) || caller.worksFor(c.id())).toList();
		if (clients.isEmpty() && client != null) {
			throw new NotFoundException("Client " + question.client());
		}
		query = new KpiQuery(clients.stream().map(ClientRef::id).toList(), query.from(), query.to(), query.asOf(), query.groupBy(),
				query.window(), queue);
		return new Report(clients.stream().map(ClientRef::slug).toList(), queue == null ? null : question.queue().strip(), query.from(), query.to(), query.asOf(),
				query.groupBy().name().toLowerCase(), (int) query.window().toDays(), clients.isEmpty() ? List.of() : values(query));
	}

	/**
	 * The queries are independent scans, so they run side by side on their own connections: the
	 * answer takes as long as the longest, not the sum (issue 6: any KPI question over 1,000,000
	 * tickets in under a second).
	 */
	private List<KpiValue> values(KpiQuery question) {
		return values(question, rollup.usableDays(question));
	}

	/** The answer from the daily sums for {@code summed} (null: from the facts alone) and the facts for the rest. */
	List<KpiValue> values(KpiQuery question, KpiQuery.Days summed) {
		KpiQuery query = question.summing(summed);
		var cohortList = CompletableFuture.supplyAsync(() -> cohorts.cohorts(query), queries);
		List<CompletableFuture<Map<String, Map<String, Long>>>> itemSums = ItemKpis.KINDS.stream()
			.map(kind -> CompletableFuture.supplyAsync(() -> items.sums(query, kind), queries)).toList();
		List<CompletableFuture<List<KpiValue>>> others = List.of(
				CompletableFuture.supplyAsync(() -> documentation.values(query), queries),
				CompletableFuture.supplyAsync(() -> deflection.values(query), queries),
				CompletableFuture.supplyAsync(() -> state.backlog(query), queries),
				CompletableFuture.supplyAsync(() -> state.slaAttainment(query), queries),
				CompletableFuture.supplyAsync(() -> state.staffing(query), queries));
		List<KpiValue> values = new ArrayList<>();
		Map<String, Long> sizes = new HashMap<>();
		for (CohortKpis.Cohort cohort : join(cohortList)) {
			values.addAll(cohort.values());
			sizes.put(cohort.group(), cohort.tickets());
		}
		values.addAll(items.values(itemSums.stream().map(KpiEngine::join).toList(), sizes));
		others.forEach(f -> values.addAll(join(f)));
		return labels.label(query.groupBy(), values);
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

	@PreDestroy
	void stop() {
		queries.shutdownNow();
	}

	private KpiQuery query(Question q, InputCheck check) {
		Instant now = clock.instant();
		Instant asOf = KpiQuery.moment(q.asOf(), "asOf", now, check);
		Instant tomorrow = LocalDate.ofInstant(asOf == null ? now : asOf, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant to = KpiQuery.moment(q.to(), "to", tomorrow, check);
		Instant from = KpiQuery.moment(q.from(), "from", (to == null ? tomorrow : to).minus(Duration.ofDays(30)), check);
		if (from != null && to != null) {
			check.require(from.isBefore(to), "from", "must be before to");
		}
		GroupBy groupBy = check.enumValue(q.groupBy(), GroupBy.class, "groupBy", GroupBy.NONE);
		int window = windowDays;
		if (q.windowDays() != null && !q.windowDays().isBlank()) {
			try {
				window = Integer.parseInt(q.windowDays().strip());
				check.require(window >= 1 && window <= LONGEST_WINDOW_DAYS, "windowDays", "must be between 1 and " + LONGEST_WINDOW_DAYS);
			}
			catch (NumberFormatException e) {
				check.add("windowDays", "must be a whole number of days");
			}
		}
		return new KpiQuery(List.of(), from, to, asOf, groupBy, Duration.ofDays(window), null);
	}

	/** A queue is a client's: {@code queue} needs {@code client}. */
	private Long queue(Question q, ClientRef client, InputCheck check) {
		if (q.queue() == null || q.queue().isBlank()) {
			return null;
		}
		if (client == null) {
			check.add("queue", "needs client: a queue belongs to one client");
			return null;
		}
		var id = access.queueId(client.id(), q.queue().strip());
		if (id.isEmpty()) {
			check.add("queue", "is not a queue of client " + client.slug());
		}
		return id.orElse(null);
	}
}
