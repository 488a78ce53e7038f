package io.tierline.triage.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.search.SentenceEmbeddings;
import io.tierline.triage.internal.model.ModelCodec;
import io.tierline.triage.internal.model.TextClassifier;

import org.springframework.stereotype.Component;

/**
 * Each client's active model, deserialized once and kept in memory; a newer READY version in the
 * database (trained here or on another node) replaces it on the next use.
 */
@Component
class ActiveModels {

	/** {@code queue} is null when the client's solved tickets had no queue. */
	record Loaded(long modelId, int version, TextClassifier category, TextClassifier queue) {
	}

	private final TriageModels models;
	private final Map<Long, Loaded> cache = new ConcurrentHashMap<>();

	ActiveModels(TriageModels models) {
		this.models = models;
	}

	Optional<Loaded> of(long clientId) {
		var version = models.active(clientId);
		if (version.isEmpty()) {
			return Optional.empty();
		}
		Loaded loaded = cache.get(clientId);
		if (loaded == null || loaded.modelId() != version.get().id()) {
			List<TextClassifier> classifiers = ModelCodec.read(models.blob(version.get().id()), SentenceEmbeddings::embed);
			loaded = new Loaded(version.get().id(), version.get().version(), classifiers.get(0),
					classifiers.size() > 1 ? classifiers.get(1) : null);
			cache.put(clientId, loaded);
		}
		return Optional.of(loaded);
	}

	void evict(long clientId) {
		cache.remove(clientId);
	}
}
