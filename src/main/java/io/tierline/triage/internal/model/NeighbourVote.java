package io.tierline.triage.internal.model;

import java.util.Arrays;
import java.util.List;

/**
 * The training tickets' say in a prediction: the {@code neighbours} training texts most similar to
 * the query (cosine of their word 1-2-gram TF-IDF vectors, exact, through an inverted index) vote
 * for their labels with their similarity, and {@code weight} times each label's share of the vote is
 * added to the SVM's margin. Many tickets in a client's history share most of their text with an
 * earlier one; the vote lets those decide where the linear model hesitates (docs/triage.md).
 * Postings are kept per word feature; cosine weights are quantised to 16 bits at training time, so
 * a serialized model votes exactly as the trained one.
 */
final class NeighbourVote {

	private static final float QUANTUM = 65535f;

	private final int neighbours;
	private final float weight;
	private final int classes;
	private final int[] labelOf;
	private final int[] keys;
	private final int[] start;
	private final int[] docs;
	private final char[] values;

	NeighbourVote(int neighbours, float weight, int classes, int[] labelOf, int[] keys, int[] start, int[] docs,
			char[] values) {
		this.neighbours = neighbours;
		this.weight = weight;
		this.classes = classes;
		this.labelOf = labelOf;
		this.keys = keys;
		this.start = start;
		this.docs = docs;
		this.values = values;
	}

	/** Indexes the features below {@code wordDimension} (the word block) of the training vectors. */
	static NeighbourVote index(List<SparseVector> examples, int[] labels, int classes, int wordDimension,
			int neighbours, float weight) {
		int[] length = postingLengths(examples, wordDimension);
		int[] position = new int[wordDimension];
		int features = 0;
		for (int f = 0; f < wordDimension; f++) {
			position[f] = length[f] > 0 ? features++ : -1;
		}
		int[] keys = new int[features];
		int[] start = new int[features + 1];
		for (int f = 0; f < wordDimension; f++) {
			if (position[f] >= 0) {
				keys[position[f]] = f;
				start[position[f] + 1] = start[position[f]] + length[f];
			}
		}
		int[] docs = new int[start[features]];
		char[] values = new char[start[features]];
		int[] fill = start.clone();
		for (int d = 0; d < examples.size(); d++) {
			SparseVector x = examples.get(d);
			for (int j = 0; j < x.size() && x.indices()[j] < wordDimension; j++) {
				int p = fill[position[x.indices()[j]]]++;
				docs[p] = d;
				values[p] = quantise(x.values()[j]);
			}
		}
		return new NeighbourVote(neighbours, weight, classes, labels.clone(), keys, start, docs, values);
	}

	private static int[] postingLengths(List<SparseVector> examples, int wordDimension) {
		int[] length = new int[wordDimension];
		for (SparseVector x : examples) {
			for (int j = 0; j < x.size() && x.indices()[j] < wordDimension; j++) {
				length[x.indices()[j]]++;
			}
		}
		return length;
	}

	// A cosine weight of an L2-normalised vector is in (0, 1]; never 0, so every posting counts.
	private static char quantise(float value) {
		return (char) Math.max(1, Math.min(65535, Math.round(value * QUANTUM)));
	}

	/** Adds the vote to the margins; {@code x} is the full feature vector, word block first. */
	void addTo(double[] scores, SparseVector x, int wordDimension) {
		float[] similarity = new float[labelOf.length];
		for (int j = 0; j < x.size() && x.indices()[j] < wordDimension; j++) {
			int p = Arrays.binarySearch(keys, x.indices()[j]);
			if (p >= 0) {
				float q = x.values()[j] / QUANTUM;
				for (int s = start[p]; s < start[p + 1]; s++) {
					similarity[docs[s]] += q * values[s];
				}
			}
		}
		double[] share = new double[classes];
		double total = 0;
		for (int d : nearest(similarity)) {
			share[labelOf[d]] += similarity[d];
			total += similarity[d];
		}
		if (total > 0) {
			for (int k = 0; k < classes; k++) {
				scores[k] += weight * share[k] / total;
			}
		}
	}

	private int[] nearest(float[] similarity) {
		int[] best = new int[Math.min(neighbours, similarity.length)];
		int found = 0;
		for (int d = 0; d < similarity.length && best.length > 0; d++) {
			if (similarity[d] <= 0 || (found == best.length && similarity[best[found - 1]] >= similarity[d])) {
				continue;
			}
			found = insert(best, found, similarity, d);
		}
		return Arrays.copyOf(best, found);
	}

	// Keeps best[0..found) sorted by descending similarity, dropping the last when full.
	private static int insert(int[] best, int found, float[] similarity, int d) {
		int at = Math.min(found, best.length - 1);
		while (at > 0 && similarity[best[at - 1]] < similarity[d]) {
			best[at] = best[at - 1];
			at--;
		}
		best[at] = d;
		return Math.min(found + 1, best.length);
	}

	int neighbours() {
		return neighbours;
	}

	float weight() {
		return weight;
	}

	int[] labelOf() {
		return labelOf;
	}

	int[] keys() {
		return keys;
	}

	int[] start() {
		return start;
	}

	int[] docs() {
		return docs;
	}

	char[] values() {
		return values;
	}
}
