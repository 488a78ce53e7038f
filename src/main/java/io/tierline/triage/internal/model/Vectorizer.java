package io.tierline.triage.internal.model;

import java.util.List;

/**
 * TF-IDF over one or more hashed feature blocks (word n-grams, character n-grams): sublinear term
 * frequency {@code 1 + ln(tf)}, smoothed idf {@code ln((1+n)/(1+df)) + 1}, each block
 * L2-normalised on its own (then scaled by the block's weight, 1 unless set) and placed side by side (block b starts at the sum of the dimensions
 * of the blocks before it).
 */
public final class Vectorizer {

	/** The idf of a feature by its global index. */
	public interface Idf {

		float of(int index);
	}

	private final FeatureHasher[] blocks;
	private final Idf idf;

	Vectorizer(FeatureHasher[] blocks, Idf idf) {
		this.blocks = blocks;
		this.idf = idf;
	}

	/** Document frequencies of every feature over the texts, by global index. */
	static int[] documentFrequencies(List<String> documents, FeatureHasher[] blocks) {
		int[] df = new int[dimension(blocks)];
		int offset = 0;
		for (FeatureHasher block : blocks) {
			for (String document : documents) {
				for (int index : block.counts(document).toSparse().indices()) {
					df[offset + index]++;
				}
			}
			offset += block.dimension();
		}
		return df;
	}

	static float idf(int documents, int df) {
		return (float) (Math.log((1.0 + documents) / (1.0 + df)) + 1.0);
	}

	public static Vectorizer fit(List<String> documents, FeatureHasher... blocks) {
		int[] df = documentFrequencies(documents, blocks);
		float[] idf = new float[df.length];
		for (int i = 0; i < df.length; i++) {
			idf[i] = idf(documents.size(), df[i]);
		}
		return new Vectorizer(blocks, index -> idf[index]);
	}

	static int dimension(FeatureHasher[] blocks) {
		int total = 0;
		for (FeatureHasher block : blocks) {
			total += block.dimension();
		}
		return total;
	}

	public int dimension() {
		return dimension(blocks);
	}

	FeatureHasher[] blocks() {
		return blocks;
	}

	public SparseVector transform(String text) {
		SparseVector[] parts = new SparseVector[blocks.length];
		int total = 0;
		int offset = 0;
		for (int b = 0; b < blocks.length; b++) {
			parts[b] = weigh(blocks[b].counts(text).toSparse(), offset, blocks[b].weight());
			total += parts[b].size();
			offset += blocks[b].dimension();
		}
		if (parts.length == 1) {
			return parts[0];
		}
		int[] indices = new int[total];
		float[] values = new float[total];
		int k = 0;
		for (SparseVector part : parts) {
			System.arraycopy(part.indices(), 0, indices, k, part.size());
			System.arraycopy(part.values(), 0, values, k, part.size());
			k += part.size();
		}
		return new SparseVector(indices, values);
	}

	private SparseVector weigh(SparseVector counts, int offset, float weight) {
		int[] indices = counts.indices();
		float[] values = counts.values();
		double norm = 0;
		for (int k = 0; k < values.length; k++) {
			indices[k] += offset;
			values[k] = (float) ((1.0 + Math.log(values[k])) * idf.of(indices[k]));
			norm += values[k] * values[k];
		}
		if (norm > 0) {
			float scale = (float) (weight / Math.sqrt(norm));
			for (int k = 0; k < values.length; k++) {
				values[k] *= scale;
			}
		}
		return counts;
	}
}
