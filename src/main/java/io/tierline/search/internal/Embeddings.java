package io.tierline.search.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;

import org.springframework.stereotype.Component;

/**
 * Sentence embeddings in process: all-MiniLM-L6-v2 (quantized ONNX, shipped inside the
 * LangChain4j jar, so nothing is downloaded at run time), 384 dimensions.
 */
@Component
public class Embeddings {

	public static final int DIMENSIONS = 384;

	/** The model reads 256 word pieces at most; longer text only costs time (it is split and averaged). */
	private static final int MAX_CHARS = 1_000;

	private final EmbeddingModel model = new MiniLm();

	public float[] embed(String text) {
		String input = text == null || text.isBlank() ? "(empty)" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
		return unit(model.embed(input).content().vector());
	}

	/** Scaled to length 1, as the index's dot-product similarity requires (it then equals the cosine). */
	static float[] unit(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		if (norm == 0) {
			return vector;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = vector[i] * scale;
		}
		return unit;
	}
}
