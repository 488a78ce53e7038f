package io.tierline.triage.internal.model;

import java.util.Arrays;

/** Growable list of feature indices; {@link #toSparse} sorts them and counts repeats. */
public final class TermCounts {

	private int[] items = new int[256];
	private int size;

	void add(int index) {
		if (size == items.length) {
			items = Arrays.copyOf(items, size * 2);
		}
		items[size++] = index;
	}

	/** Distinct indices with their raw counts. */
	public SparseVector toSparse() {
		int[] sorted = Arrays.copyOf(items, size);
		Arrays.sort(sorted);
		int distinct = 0;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				distinct++;
			}
		}
		int[] indices = new int[distinct];
		float[] values = new float[distinct];
		int k = -1;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				indices[++k] = sorted[i];
			}
			values[k]++;
		}
		return new SparseVector(indices, values);
	}
}
