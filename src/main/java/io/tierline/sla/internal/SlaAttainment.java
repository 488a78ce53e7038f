package io.tierline.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.InputCheck;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * SLA attainment from the outcome log (SPEC §4): of the clocks whose outcome fell in the period,
 * the share met. A clock counts where it was decided: MET when stopped in time, BREACHED when its
 * due instant passed; clocks still running unbreached are not yet counted. One set-based query.
 */
@Service
public class SlaAttainment {

	private static final long LONGEST_PERIOD_DAYS = 366;

	private final JdbcClient jdbc;
	private final AccessManagement access;
	private final Clock clock;

	SlaAttainment(JdbcClient jdbc, AccessManagement access, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
	}

	public record Row(String clock, String tier, String channel, String severity, long met, long breached, Double attainment) {
	}

	public record ClockTotal(String clock, long met, long breached, Double attainment) {
	}

	/** {@code from} inclusive, {@code to} exclusive, both dates in UTC. */
	public record Report(List<String> clients, LocalDate from, LocalDate to, List<ClockTotal> byClock, List<Row> rows) {
	}

	/** Defaults: the caller's clients, the last 30 days. */
	public Report report(Caller caller, String clientSlug, String from, String to) {
		var check = new InputCheck();
		ClientRef client = check.lookup(clientSlug, access::clientBySlug, "client", "client");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate end = date(to, "to", today.plusDays(1), check);
		LocalDate start = date(from, "from", (end == null ? today.plusDays(1) : end).minusDays(30), check);
		if (start != null && end != null) {
			check.require(start.isBefore(end), "from", "must be before to");
			check.require(Duration.between(start.atStartOfDay(), end.atStartOfDay()).toDays() <= LONGEST_PERIOD_DAYS, "to",
					"a period is at most " + LONGEST_PERIOD_DAYS + " days");
		}
		check.throwIfInvalid();
		List<ClientRef> clients = access.clients().stream()
			.filter(c -> client == null || c.id() == client.id())
			.filter(c -> CalendarService.reads(caller, c.id())).toList();
		if (clients.isEmpty() && client != null) {
			throw new io.tierline.common.NotFoundException("Client " + clientSlug);
		}
		List<Row> rows = clients.isEmpty() ? List.of() : rows(clients, start.atStartOfDay().toInstant(ZoneOffset.UTC),
				end.atStartOfDay().toInstant(ZoneOffset.UTC));
		return new Report(clients.stream().map(ClientRef::slug).toList(), start, end, totals(rows), rows);
	}

	private List<Row> rows(List<ClientRef> clients, Instant from, Instant to) {
		return jdbc.sql("""
				select clock, tier, channel, severity,
				  sum(case when type = 'MET' then 1 else 0 end) as met,
				  sum(case when type = 'BREACHED' then 1 else 0 end) as breached
				from sla_events
				where client_id in (:clients) and at >= :from and at < :to and type in ('MET', 'BREACHED')
				group by clock, tier, channel, severity
				order by clock, tier, channel, severity""")
			.param("clients", clients.stream().map(ClientRef::id).toList())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Row(rs.getString("clock"), rs.getString("tier"), rs.getString("channel"), rs.getString("severity"),
					rs.getLong("met"), rs.getLong("breached"), share(rs.getLong("met"), rs.getLong("breached"))))
			.list();
	}

	private static List<ClockTotal> totals(List<Row> rows) {
		Map<String, long[]> byClock = new LinkedHashMap<>();
		for (Row r : rows) {
			long[] sums = byClock.computeIfAbsent(r.clock(), k -> new long[2]);
			sums[0] += r.met();
			sums[1] += r.breached();
		}
		List<ClockTotal> totals = new ArrayList<>();
		byClock.forEach((clockName, s) -> totals.add(new ClockTotal(clockName, s[0], s[1], share(s[0], s[1]))));
		return totals;
	}

	/** Met over decided, to four places; null when nothing was decided (not 0%, not 100%). */
	static Double share(long met, long breached) {
		long decided = met + breached;
		return decided == 0 ? null : Math.round(met * 10_000.0 / decided) / 10_000.0;
	}

	private static LocalDate date(String value, String field, LocalDate fallback, InputCheck check) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			check.add(field, "must be a date such as 2026-11-01");
			return null;
		}
	}
}
