package io.tierline.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class OrderedParsingTests {

	@Test
	void handsOnTheResultsInTheOrderOfTheLinesWhileSeveralThreadsParse() {
		Set<String> threads = ConcurrentHashMap.newKeySet();
		List<String> seen = new ArrayList<>();
		try (var parsing = new OrderedParsing<String>(3, (number, line) -> {
			threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
			// uneven work, so later chunks often finish before earlier ones
			long spin = (number * 7919) % 20_000;
			double x = 0;
			for (int i = 0; i < spin; i++) {
				x += Math.sqrt(i);
			}
			return number + ":" + line + (x < 0 ? "!" : "");
		})) {
			for (long n = 1; n <= 5_000; n++) {
				parsing.add(n, "line" + n, seen::add);
			}
			parsing.finish(seen::add);
		}
		assertThat(seen).hasSize(5_000);
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i)).isEqualTo((i + 1) + ":line" + (i + 1));
		}
		assertThat(threads).hasSizeGreaterThan(1);
	}

	@Test
	void aParserThatBreaksFailsTheImportInsteadOfLosingLines() {
		try (var parsing = new OrderedParsing<Long>(2, (number, line) -> {
			if (number == 450) {
				throw new IllegalStateException("parser bug at line 450");
			}
			return number;
		})) {
			assertThatThrownBy(() -> {
				for (long n = 1; n <= 1_000; n++) {
					parsing.add(n, "x", r -> {
					});
				}
				parsing.finish(r -> {
				});
			}).isInstanceOf(IllegalStateException.class).hasMessageContaining("line 450");
		}
	}
}
