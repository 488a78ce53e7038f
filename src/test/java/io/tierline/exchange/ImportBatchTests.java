package io.tierline.exchange;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportBatchTests {

	@Test
	void statisticsAreRefreshedAtTheFirstStepAndEachTimeTheCountDoubles() {
		long step = ImportBatch.ANALYZE_EVERY;
		assertThat(LongStream.rangeClosed(0, 20 * step).filter(ImportBatch::analyzedAt))
			.containsExactly(step, 2 * step, 4 * step, 8 * step, 16 * step);
	}
}
