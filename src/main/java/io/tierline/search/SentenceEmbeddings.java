package io.tierline.search;

import io.tierline.search.internal.Embeddings;

/**
 * Sentence embeddings for other modules (triage votes by meaning with them): all-MiniLM-L6-v2 in
 * process, unit vectors of {@value Embeddings#DIMENSIONS} dimensions, the same model the search
 * index uses. Thread-safe; usable without Spring (the {@code eval-triage} command).
 */
public final class SentenceEmbeddings {

	private SentenceEmbeddings() {
	}

	public static float[] embed(String text) {
		return Model.EMBEDDINGS.embed(text);
	}

	/** Loaded on first use: the model takes a second to read. */
	private static final class Model {

		static final Embeddings EMBEDDINGS = new Embeddings();
	}
}
