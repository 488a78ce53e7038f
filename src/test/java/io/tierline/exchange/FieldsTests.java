package io.tierline.exchange;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FieldsTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-02T09:15:00Z", "2026-03-02T09:15:00.1Z", "2026-03-02T09:15:00.123456Z",
			"2026-03-02T09:15:00.123456789Z", "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z" })
	void readsTheCommonUtcFormExactlyAsInstantParseDoes(String text) {
		assertThat(Fields.utcInstant(text)).isEqualTo(Instant.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-02T09:15:00+01:00", "2026-03-02T09:15Z", "2026-03-02 09:15:00Z", "2026-03-02T09:15:00.Z",
			"2026-02-30T09:15:00Z", "2026-13-01T09:15:00Z", "2026-03-02T24:00:00Z", "2026-03-02T23:59:60Z",
			"2026-03-02T09:15:00.1234567890Z", "+12026-03-02T09:15:00Z", "2026-0a-02T09:15:00Z" })
	void leavesEveryOtherFormToInstantParse(String text) {
		assertThat(Fields.utcInstant(text)).isNull();
	}
}
