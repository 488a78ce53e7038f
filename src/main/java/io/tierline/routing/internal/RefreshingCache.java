package io.tierline.routing.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-node cache whose entries, once older than their time to live, are still served while one
 * background reload replaces them. Only a key seen for the first time (or after
 * {@link #invalidate()}) is read on the caller's thread, so a routing decision never pays for a
 * reload it could have done without (issue 9: routing adds < 5 ms p99 to a creation). What the
 * cache holds may be stale by the time to live plus one reload; routing re-checks what fairness
 * depends on under the agent's row lock.
 */
final class RefreshingCache<K, V> {

	private static final Logger log = LoggerFactory.getLogger(RefreshingCache.class);

	private record Entry<V>(V value, long loadedAt, long generation) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
	private final Set<K> reloading = ConcurrentHashMap.newKeySet();
	private final AtomicLong generation = new AtomicLong();
	private final Function<K, V> loader;
	private final long timeToLiveMillis;
	private final Executor reloads;
	private final LongSupplier millis;

	RefreshingCache(Function<K, V> loader, long timeToLiveMillis, Executor reloads) {
		this(loader, timeToLiveMillis, reloads, System::currentTimeMillis);
	}

	RefreshingCache(Function<K, V> loader, long timeToLiveMillis, Executor reloads, LongSupplier millis) {
		this.loader = loader;
		this.timeToLiveMillis = timeToLiveMillis;
		this.reloads = reloads;
		this.millis = millis;
	}

	V get(K key) {
		long current = generation.get();
		Entry<V> entry = entries.get(key);
		if (entry == null || entry.generation() != current) {
			return load(key, current);
		}
		if (millis.getAsLong() - entry.loadedAt() > timeToLiveMillis && reloading.add(key)) {
			reloadInBackground(key, current);
		}
		return entry.value();
	}

	/** Forgets everything: the next read of every key loads it on the caller's thread. */
	void invalidate() {
		generation.incrementAndGet();
		entries.clear();
	}

	void remove(K key) {
		entries.remove(key);
	}

	private V load(K key, long current) {
		V value = loader.apply(key);
		entries.put(key, new Entry<>(value, millis.getAsLong(), current));
		return value;
	}

	private void reloadInBackground(K key, long current) {
		try {
			reloads.execute(() -> {
				try {
					load(key, current); // a reload begun before invalidate() is ignored by its generation
				}
				catch (RuntimeException e) {
					log.warn("Reloading {} failed; the cached value is kept and tried again", key, e);
				}
				finally {
					reloading.remove(key);
				}
			});
		}
		catch (RuntimeException rejected) {
			reloading.remove(key);
		}
	}
}
