package io.tierline.ticket.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowsTests {

	@Test
	void escapesWhatTheCopyTextFormatTreatsSpeciallyAndNothingElse() {
		String text = CopyRows.text(List.<Object[]>of(new Object[] { "a\tb\nc\r\\d\\.\\N \"q\" 'q' ✓😀" }));
		assertThat(text).isEqualTo("a\\tb\\nc\\r\\\\d\\\\.\\\\N \"q\" 'q' ✓😀\n");
	}

	@Test
	void writesNullAsBackslashNAndSeparatesFieldsWithTabs() {
		assertThat(CopyRows.text(List.<Object[]>of(new Object[] { 7L, null, 0, "x" }, new Object[] { 8L, "", 1, null })))
			.isEqualTo("7\t\\N\t0\tx\n8\t\t1\t\\N\n");
	}

	@Test
	void writesInstantsInUtcWithEveryFractionDigit() {
		var at = OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 123_456_789, ZoneOffset.ofHours(2));
		assertThat(CopyRows.text(List.<Object[]>of(new Object[] { at, Instant.parse("0900-06-30T23:59:59Z") })))
			.isEqualTo("2025-01-02 01:04:05.123456789+00\t0900-06-30 23:59:59.000000000+00\n");
	}

	@Test
	void writesYearsBeforeTheCommonEraTheWayPostgresqlReadsThem() {
		assertThat(CopyRows.text(List.<Object[]>of(new Object[] { Instant.parse("-0001-01-01T00:00:00Z") })))
			.isEqualTo("0002-01-01 00:00:00.000000000+00 BC\n");
	}
}
