package io.tierline.common;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkWritesTests {

	@Test
	void followersWaitWhileAnyBulkWriteRunsAndAreToldWhenTheLastEnds() {
		var bulk = new BulkWrites(true);
		var ended = new AtomicInteger();
		bulk.onEnd(ended::incrementAndGet);

		var first = bulk.begin();
		var second = bulk.begin();
		assertThat(bulk.deferring()).isTrue();
		first.close();
		assertThat(bulk.deferring()).isTrue();
		assertThat(ended).hasValue(0);
		second.close();
		assertThat(bulk.deferring()).isFalse();
		assertThat(ended).hasValue(1);
	}

	@Test
	void closingAHoldTwiceCountsOnce() {
		var bulk = new BulkWrites(true);
		var first = bulk.begin();
		var second = bulk.begin();
		first.close();
		first.close();
		assertThat(bulk.deferring()).isTrue();
		second.close();
		assertThat(bulk.deferring()).isFalse();
	}

	@Test
	void followersKeepRunningWhenDeferringIsTurnedOff() {
		var bulk = new BulkWrites(false);
		try (var hold = bulk.begin()) {
			assertThat(bulk.deferring()).isFalse();
		}
	}
}
