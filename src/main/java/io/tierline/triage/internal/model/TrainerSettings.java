package io.tierline.triage.internal.model;

/**
 * Hyperparameters: hashed dimension bits per block, which blocks, character n-gram range, the
 * SVM's C, epochs and threads, and the {@link NeighbourVote} (how many neighbours vote, 0 for none,
 * and the weight of their vote; it needs the word block). {@link #standard()} is what eval-triage
 * uses; the product's per-client models use {@link #forExamples(int)}.
 */
public record TrainerSettings(int wordBits, int charBits, boolean words, boolean chars, int minChar, int maxChar,
		double c, int maxEpochs, int threads, int neighbours, double neighbourWeight) {

	/**
	 * Off: the best vote on the hold-out tenth of train.csv (10 neighbours at weight 0.2, +0.3 points
	 * there) changed nothing on dev.csv (0.8738 against 0.8741) while it doubled a model's size and
	 * multiplied prediction time by five (docs/triage.md). {@code eval-triage --neighbours 10,0.2} runs it.
	 */
	static final int NEIGHBOURS = 0;

	static final int VOTE_NEIGHBOURS = 10;

	static final double NEIGHBOUR_WEIGHT = 0.2;

	public static TrainerSettings standard() {
		return new TrainerSettings(20, 20, true, true, 3, 5, 0.25, 30, 2, NEIGHBOURS, NEIGHBOUR_WEIGHT);
	}

	/** For a client's own model: smaller hashed spaces for small histories (less memory while training). */
	public static TrainerSettings forExamples(int examples) {
		int bits = examples <= 5000 ? 18 : 20;
		return new TrainerSettings(bits, bits, true, true, 3, 5, 0.25, 30, 1, NEIGHBOURS, NEIGHBOUR_WEIGHT);
	}

	public TrainerSettings withC(double value) {
		return new TrainerSettings(wordBits, charBits, words, chars, minChar, maxChar, value, maxEpochs, threads,
				neighbours, neighbourWeight);
	}

	public TrainerSettings withBlocks(boolean useWords, boolean useChars) {
		return new TrainerSettings(wordBits, charBits, useWords, useChars, minChar, maxChar, c, maxEpochs, threads,
				neighbours, neighbourWeight);
	}

	public TrainerSettings withCharRange(int min, int max) {
		return new TrainerSettings(wordBits, charBits, words, chars, min, max, c, maxEpochs, threads, neighbours,
				neighbourWeight);
	}

	public TrainerSettings withBits(int word, int character) {
		return new TrainerSettings(word, character, words, chars, minChar, maxChar, c, maxEpochs, threads, neighbours,
				neighbourWeight);
	}

	public TrainerSettings withNeighbours(int count, double weight) {
		return new TrainerSettings(wordBits, charBits, words, chars, minChar, maxChar, c, maxEpochs, threads, count,
				weight);
	}

	/** Whether the training texts vote (a vote needs the word block). */
	boolean votes() {
		return words && neighbours > 0 && neighbourWeight > 0;
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
