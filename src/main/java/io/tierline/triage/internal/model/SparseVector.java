package io.tierline.triage.internal.model;

/** A sparse feature vector: sorted distinct indices and their values. */
public record SparseVector(int[] indices, float[] values) {

	public int size() {
		return indices.length;
	}

	public double dot(float[] dense) {
		double sum = 0;
		for (int k = 0; k < indices.length; k++) {
			sum += values[k] * dense[indices[k]];
		}
		return sum;
	}

	public double squaredNorm() {
		double sum = 0;
		for (float v : values) {
			sum += v * v;
		}
		return sum;
	}
}
