package io.tierline.kpi.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.tierline.common.InputCheck;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A KPI question: the clients, the cohort period from (inclusive) to (exclusive), the moment taken as now and
 * the grouping; {@code queue} narrows to one queue (null: all). {@code window} is the FCR and reopen window (SPEC §7, default 7 days).
 * {@code summed}: the whole days whose daily sums answer it (KpiRollup), null when every fact is read.
 */
record KpiQuery(List<Long> clients, Instant from, Instant to, Instant asOf, GroupBy groupBy, Duration window, Long queue, Days summed) {

	KpiQuery(List<Long> clients, Instant from, Instant to, Instant asOf, GroupBy groupBy, Duration window, Long queue) {
		this(clients, from, to, asOf, groupBy, window, queue, null);
	}

	/** Days {@code [first, end)} (UTC) of the first solve. */
	record Days(LocalDate first, LocalDate end) {
	}

	KpiQuery summing(Days days) {
		return new KpiQuery(clients, from, to, asOf, groupBy, window, queue, days);
	}

	/** The cohort's first solves read from the facts: the period, less the summed days (bind with {@link #bind}). */
	String factsPeriod() {
		return summed == null ? " and first_solved_at >= :from and first_solved_at < :to"
				: " and (first_solved_at >= :from and first_solved_at < :summedStart or first_solved_at >= :summedEnd and first_solved_at < :to)";
	}

	/** The where clause of a daily-sum table for this question's summed days and dimension. */
	String summedDays() {
		return " where client_id in (:clients) and dimension = '" + groupBy.dimension() + "' and solved_on >= :firstDay and solved_on < :endDay" + queueFilter();
	}

	/** Binds every parameter the KPI queries use (unused ones are ignored). */
	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
		sql = sql.param("clients", clients).param("queue", queue).param("from", from).param("to", to).param("asOf", asOf)
			.param("elapsed", windowElapsedBy()).param("windowDays", window.toDays());
		if (summed != null) {
			sql = sql.param("summedStart", summed.first().atStartOfDay().toInstant(ZoneOffset.UTC))
				.param("summedEnd", summed.end().atStartOfDay().toInstant(ZoneOffset.UTC))
				.param("firstDay", summed.first()).param("endDay", summed.end());
		}
		return sql;
	}

	/** The queue filter of a fact table's where clause (bind {@code :queue}); empty when not filtered. */
	String queueFilter() {
		return queue == null ? "" : " and queue_id = :queue";
	}

	/** SPEC §7: a ticket counts in FCR once its window has elapsed by asOf. */
	Instant windowElapsedBy() {
		return asOf.minus(window);
	}

	long windowSeconds() {
		return window.toSeconds();
	}

	/** A date (midnight UTC) or an instant such as 2026-11-01T09:00:00Z; null when blank (the fallback applies) or invalid (recorded). */
	static Instant moment(String value, String field, Instant fallback, InputCheck check) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String text = value.strip();
		try {
			return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(text);
		}
		catch (DateTimeParseException e) {
			check.add(field, "must be a date such as 2026-11-01 or an instant such as 2026-11-01T09:00:00Z");
			return null;
		}
	}
}
