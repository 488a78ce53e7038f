package io.tierline.triage.internal.model;

/**
 * Hyperparameters: hashed dimension bits per block, which blocks, character n-gram range, the
 * head block (word 1- and 2-grams of the first {@code headTokens} tokens, mostly the subject line,
 * in a namespace of their own with norm {@code headWeight}; 0 tokens for none), the SVM's C,
 * epochs and threads, and the {@link NeighbourVote} (how many neighbours vote, 0 for none, and the
 * weight of their vote; it needs the word block). {@link #standard()} is what eval-triage uses;
 * the product's per-client models use {@link #forExamples(int)}.
 */
public record TrainerSettings(int wordBits, int charBits, boolean words, boolean chars, int minChar, int maxChar,
		int headTokens, double headWeight, double c, int maxEpochs, int threads, int neighbours,
		double neighbourWeight) {

	/**
	 * Off: the best vote on the hold-out tenth of train.csv (10 neighbours at weight 0.2, +0.3 points
	 * there) changed nothing on dev.csv (0.8738 against 0.8741) while it doubled a model's size and
	 * multiplied prediction time by five (docs/triage.md). {@code eval-triage --neighbours 10,0.2} runs it.
	 */
	static final int NEIGHBOURS = 0;

	static final int VOTE_NEIGHBOURS = 10;

	static final double NEIGHBOUR_WEIGHT = 0.2;

	/**
	 * The head block: the first 8 tokens at norm 0.8, chosen on the hold-out tenth of train.csv
	 * (docs/triage.md, third round).
	 */
	static final int HEAD_TOKENS = 8;

	static final double HEAD_WEIGHT = 0.8;

	public static TrainerSettings standard() {
		return new TrainerSettings(20, 20, true, true, 3, 5, HEAD_TOKENS, HEAD_WEIGHT, 0.25, 30, 2, NEIGHBOURS,
				NEIGHBOUR_WEIGHT);
	}

	/** For a client's own model: smaller hashed spaces for small histories (less memory while training). */
	public static TrainerSettings forExamples(int examples) {
		int bits = examples <= 5000 ? 18 : 20;
		return new TrainerSettings(bits, bits, true, true, 3, 5, HEAD_TOKENS, HEAD_WEIGHT, 0.25, 30, 1, NEIGHBOURS,
				NEIGHBOUR_WEIGHT);
	}

	public TrainerSettings withC(double value) {
		return new TrainerSettings(wordBits, charBits, words, chars, minChar, maxChar, headTokens, headWeight, value,
				maxEpochs, threads, neighbours, neighbourWeight);
	}

	public TrainerSettings withBlocks(boolean useWords, boolean useChars) {
		return new TrainerSettings(wordBits, charBits, useWords, useChars, minChar, maxChar, headTokens, headWeight, c,
				maxEpochs, threads, neighbours, neighbourWeight);
	}

	public TrainerSettings withCharRange(int min, int max) {
		return new TrainerSettings(wordBits, charBits, words, chars, min, max, headTokens, headWeight, c, maxEpochs,
				threads, neighbours, neighbourWeight);
	}

	public TrainerSettings withBits(int word, int character) {
		return new TrainerSettings(word, character, words, chars, minChar, maxChar, headTokens, headWeight, c,
				maxEpochs, threads, neighbours, neighbourWeight);
	}

	/** The head block: its first {@code tokens} tokens (0: no head block) at norm {@code weight}. */
	public TrainerSettings withHead(int tokens, double weight) {
		return new TrainerSettings(wordBits, charBits, words, chars, minChar, maxChar, tokens, weight, c, maxEpochs,
				threads, neighbours, neighbourWeight);
	}

	public TrainerSettings withNeighbours(int count, double weight) {
		return new TrainerSettings(wordBits, charBits, words, chars, minChar, maxChar, headTokens, headWeight, c,
				maxEpochs, threads, count, weight);
	}

	/** Whether the training texts vote (a vote needs the word block). */
	boolean votes() {
		return words && neighbours > 0 && neighbourWeight > 0;
	}

	/** Whether there is a head block. */
	boolean hasHead() {
		return headTokens > 0 && headWeight > 0;
	}

	/** Word block, character block, head block (each when on), in that order: the vote reads block 0. */
	FeatureHasher[] blocks() {
		java.util.List<FeatureHasher> blocks = new java.util.ArrayList<>(3);
		if (words) {
			blocks.add(new FeatureHasher(wordBits, true, false, 0, 0));
		}
		if (chars) {
			blocks.add(new FeatureHasher(charBits, false, true, minChar, maxChar));
		}
		if (blocks.isEmpty()) {
			blocks.add(new FeatureHasher(charBits, false, true, minChar, maxChar));
		}
		if (hasHead()) {
			blocks.add(new FeatureHasher(headBits(), true, false, 0, 0, headTokens, (float) headWeight));
		}
		return blocks.toArray(new FeatureHasher[0]);
	}

	/** A head has few distinct n-grams: a quarter of the word block's buckets. */
	private int headBits() {
		return Math.max(12, wordBits - 2);
	}
}
