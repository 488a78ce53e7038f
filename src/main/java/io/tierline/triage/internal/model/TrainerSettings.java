package io.tierline.triage.internal.model;

/**
 * Hyperparameters: hashed dimension bits per block, which blocks, character n-gram range, the
 * SVM's C, epochs and threads. {@link #standard()} is what the product and eval-triage use.
 */
public record TrainerSettings(int wordBits, int charBits, boolean words, boolean chars, int minChar, int maxChar,
		double c, int maxEpochs, int threads) {

	public static TrainerSettings standard() {
		return new TrainerSettings(20, 20, true, true, 3, 5, 0.25, 30, 2);
	}

	/** For a client's own model: smaller hashed spaces for small histories (less memory while training). */
	public static TrainerSettings forExamples(int examples) {
		int bits = examples <= 5000 ? 18 : 20;
		return new TrainerSettings(bits, bits, true, true, 3, 5, 0.25, 30, 1);
	}

	public TrainerSettings withC(double value) {
		return new TrainerSettings(wordBits, charBits, words, chars, minChar, maxChar, value, maxEpochs, threads);
	}

	public TrainerSettings withBlocks(boolean useWords, boolean useChars) {
		return new TrainerSettings(wordBits, charBits, useWords, useChars, minChar, maxChar, c, maxEpochs, threads);
	}

	public TrainerSettings withCharRange(int min, int max) {
		return new TrainerSettings(wordBits, charBits, words, chars, min, max, c, maxEpochs, threads);
	}

	FeatureHasher[] blocks() {
		if (words && chars) {
			return new FeatureHasher[] { wordHasher(), charHasher() };
		}
		return new FeatureHasher[] { words ? wordHasher() : charHasher() };
	}

	private FeatureHasher wordHasher() {
		return new FeatureHasher(wordBits, true, false, 0, 0);
	}

	private FeatureHasher charHasher() {
		return new FeatureHasher(charBits, false, true, minChar, maxChar);
	}
}
