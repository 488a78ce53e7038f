package io.tierline.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RefreshingCacheTests {

	private final AtomicLong now = new AtomicLong(1_000);
	private final AtomicInteger loads = new AtomicInteger();
	private final Deque<Runnable> background = new ArrayDeque<>();
	private final RefreshingCache<String, String> cache = new RefreshingCache<>(k -> k + "#" + loads.incrementAndGet(), 5_000,
			background::add, now::get);

	@Test
	void loadsAKeySeenForTheFirstTimeOnTheCallersThread() {
		assertThat(cache.get("q1")).isEqualTo("q1#1");
		assertThat(cache.get("q1")).isEqualTo("q1#1");
		assertThat(background).isEmpty();
	}

	@Test
	void servesAStaleValueWhileOneBackgroundReloadReplacesIt() {
		cache.get("q1");
		now.addAndGet(5_001);
		assertThat(cache.get("q1")).isEqualTo("q1#1");
		assertThat(cache.get("q1")).isEqualTo("q1#1");
		assertThat(background).hasSize(1);
		background.poll().run();
		assertThat(cache.get("q1")).isEqualTo("q1#2");
		assertThat(background).isEmpty();
	}

	@Test
	void afterInvalidationTheNextReadLoadsAndAReloadBegunBeforeIsIgnored() {
		cache.get("q1");
		now.addAndGet(5_001);
		cache.get("q1");
		cache.invalidate();
		background.poll().run(); // loads q1#2, begun before the invalidation
		assertThat(cache.get("q1")).isEqualTo("q1#3");
	}

	@Test
	void aFailedReloadKeepsTheValueAndIsTriedAgain() {
		AtomicInteger calls = new AtomicInteger();
		RefreshingCache<String, String> failing = new RefreshingCache<>(k -> {
			if (calls.incrementAndGet() == 2) {
				throw new IllegalStateException("database away");
			}
			return k + "#" + calls.get();
		}, 5_000, background::add, now::get);
		failing.get("q1");
		now.addAndGet(5_001);
		failing.get("q1");
		background.poll().run();
		assertThat(failing.get("q1")).isEqualTo("q1#1");
		background.poll().run();
		assertThat(failing.get("q1")).isEqualTo("q1#3");
	}
}
