package io.tierline.triage.internal.model;

import java.util.Arrays;

/**
 * The compact form of a trained model: only the features seen in training, in an open-addressing
 * hash table, each with its idf and its weight for every class side by side (one cache line per
 * feature at prediction time). A feature not in the table has the largest idf and no weights.
 */
public final class FeatureTable {

	private final int[] keys;
	private final float[] idf;
	private final float[] weights;
	private final int classes;
	private final int[] slots;

	FeatureTable(int[] keys, float[] idf, float[] weights, int classes) {
		this.keys = keys;
		this.idf = idf;
		this.weights = weights;
		this.classes = classes;
		int capacity = Integer.highestOneBit(Math.max(2, keys.length) * 2) * 2;
		this.slots = new int[capacity];
		Arrays.fill(slots, -1);
		for (int k = 0; k < keys.length; k++) {
			int s = spread(keys[k]) & (capacity - 1);
			while (slots[s] >= 0) {
				s = (s + 1) & (capacity - 1);
			}
			slots[s] = k;
		}
	}

	/** Position of the feature in {@link #keys()}, or -1. */
	int find(int key) {
		int mask = slots.length - 1;
		int s = spread(key) & mask;
		while (slots[s] >= 0) {
			if (keys[slots[s]] == key) {
				return slots[s];
			}
			s = (s + 1) & mask;
		}
		return -1;
	}

	int size() {
		return keys.length;
	}

	int classes() {
		return classes;
	}

	int[] keys() {
		return keys;
	}

	float[] idf() {
		return idf;
	}

	float[] weights() {
		return weights;
	}

	float idfAt(int position) {
		return idf[position];
	}

	float weight(int position, int label) {
		return weights[position * classes + label];
	}

	private static int spread(int key) {
		int h = key * 0x9E3779B9;
		return h ^ (h >>> 16);
	}
}
