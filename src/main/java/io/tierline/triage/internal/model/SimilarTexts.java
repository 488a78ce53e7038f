package io.tierline.triage.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Similar-text search: cosine similarity of TF-IDF vectors (word 1-2-grams by default; eval-triage
 * uses word 1-2-grams + char 3-5-grams, each block normalised) through an inverted index, exact.
 */
public final class SimilarTexts {

	private final Vectorizer vectorizer;
	private final int[][] postingDocs;
	private final float[][] postingValues;
	private final int size;

	private SimilarTexts(Vectorizer vectorizer, int[][] postingDocs, float[][] postingValues, int size) {
		this.vectorizer = vectorizer;
		this.postingDocs = postingDocs;
		this.postingValues = postingValues;
		this.size = size;
	}

	public static SimilarTexts index(List<String> texts) {
		return index(texts, new FeatureHasher(20, true, false, 0, 0));
	}

	public static SimilarTexts index(List<String> texts, FeatureHasher... blocks) {
		Vectorizer vectorizer = Vectorizer.fit(texts, blocks);
		List<SparseVector> vectors = new ArrayList<>(texts.size());
		int[] lengths = new int[vectorizer.dimension()];
		for (String text : texts) {
			SparseVector v = vectorizer.transform(text);
			vectors.add(v);
			for (int index : v.indices()) {
				lengths[index]++;
			}
		}
		int[][] docs = new int[lengths.length][];
		float[][] values = new float[lengths.length][];
		for (int f = 0; f < lengths.length; f++) {
			docs[f] = new int[lengths[f]];
			values[f] = new float[lengths[f]];
		}
		int[] fill = new int[lengths.length];
		for (int d = 0; d < vectors.size(); d++) {
			SparseVector v = vectors.get(d);
			for (int k = 0; k < v.size(); k++) {
				int f = v.indices()[k];
				docs[f][fill[f]] = d;
				values[f][fill[f]++] = v.values()[k];
			}
		}
		return new SimilarTexts(vectorizer, docs, values, texts.size());
	}

	/** Positions of the {@code k} most similar indexed texts, most similar first. */
	public int[] nearest(String text, int k) {
		SparseVector q = vectorizer.transform(text);
		float[] scores = new float[size];
		for (int j = 0; j < q.size(); j++) {
			int f = q.indices()[j];
			float weight = q.values()[j];
			int[] docs = postingDocs[f];
			float[] values = postingValues[f];
			for (int p = 0; p < docs.length; p++) {
				scores[docs[p]] += weight * values[p];
			}
		}
		return top(scores, k);
	}

	private static int[] top(float[] scores, int k) {
		int[] best = new int[Math.min(k, scores.length)];
		Arrays.fill(best, -1);
		for (int d = 0; d < scores.length; d++) {
			int pos = best.length;
			while (pos > 0 && (best[pos - 1] < 0 || scores[best[pos - 1]] < scores[d])) {
				pos--;
			}
			if (pos < best.length) {
				System.arraycopy(best, pos, best, pos + 1, best.length - pos - 1);
				best[pos] = d;
			}
		}
		return best;
	}
}
