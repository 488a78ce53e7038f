package io.tierline.kpi.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.tierline.common.InputCheck;

/**
 * A KPI question: the clients, the cohort period from (inclusive) to (exclusive), the moment taken as now and
 * the grouping; {@code queue} narrows to one queue (null: all). {@code window} is the FCR and reopen window (SPEC §7, default 7 days).
 */
record KpiQuery(List<Long> clients, Instant from, Instant to, Instant asOf, GroupBy groupBy, Duration window, Long queue) {

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
