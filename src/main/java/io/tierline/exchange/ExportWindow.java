package io.tierline.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.tierline.common.InputCheck;

/**
 * The [from, to) creation window of an export; either end may be open (null). Each is an instant
 * ({@code 2026-03-02T09:15:00Z}) or a day ({@code 2026-03-02}, its start in UTC).
 */
record ExportWindow(Instant from, Instant to) {

	static ExportWindow of(String from, String to) {
		var check = new InputCheck();
		Instant start = parse(check, from, "from");
		Instant end = parse(check, to, "to");
		check.require(start == null || end == null || start.isBefore(end), "to", "must be after from");
		check.throwIfInvalid();
		return new ExportWindow(start, end);
	}

	private static Instant parse(InputCheck check, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			check.add(field, "must be an ISO-8601 instant (2026-03-02T09:15:00Z) or a day (2026-03-02)");
			return null;
		}
	}
}
