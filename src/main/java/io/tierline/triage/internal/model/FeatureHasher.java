package io.tierline.triage.internal.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns ticket text into hashed term counts: word 1- and 2-grams and character n-grams (3 to 5 by
 * default) over the tokens joined by single spaces, so they also span word boundaries. No strings are built
 * for the n-grams; each gets a 64-bit rolling hash reduced into {@code 2^bits} buckets. A block may
 * read only the head of the text (its first tokens) and carry a weight (see {@link Vectorizer}).
 */
public final class FeatureHasher {

	private final int bits;
	private final boolean words;
	private final boolean chars;
	private final int minChar;
	private final int maxChar;
	private final int headTokens;
	private final float weight;

	public FeatureHasher(int bits, boolean words, boolean chars, int minChar, int maxChar) {
		this(bits, words, chars, minChar, maxChar, 0, 1f);
	}

	/**
	 * A block that reads only the first {@code headTokens} tokens of a text (0: all of it; the head
	 * of a ticket is mostly its subject line) and whose L2-normalised vector is scaled by {@code weight}.
	 */
	public FeatureHasher(int bits, boolean words, boolean chars, int minChar, int maxChar, int headTokens,
			float weight) {
		this.bits = bits;
		this.words = words;
		this.chars = chars;
		this.minChar = minChar;
		this.maxChar = maxChar;
		this.headTokens = headTokens;
		this.weight = weight;
	}

	public int dimension() {
		return 1 << bits;
	}

	public int bits() {
		return bits;
	}

	public boolean words() {
		return words;
	}

	public boolean chars() {
		return chars;
	}

	public int minChar() {
		return minChar;
	}

	public int maxChar() {
		return maxChar;
	}

	/** How many leading tokens the block reads, 0 for the whole text. */
	public int headTokens() {
		return headTokens;
	}

	/** The norm of the block's vector (each block is L2-normalised, then scaled by this). */
	public float weight() {
		return weight;
	}

	/** Hashed raw counts of the text's features (unsorted, may repeat; see {@link TermCounts}). */
	public TermCounts counts(String text) {
		List<String> tokens = tokens(text);
		if (headTokens > 0 && tokens.size() > headTokens) {
			tokens = tokens.subList(0, headTokens);
		}
		TermCounts counts = new TermCounts();
		if (words) {
			long previous = 0;
			for (int t = 0; t < tokens.size(); t++) {
				long h = hash(tokens.get(t), 0x9E3779B97F4A7C15L);
				counts.add(bucket(h));
				if (t > 0) {
					counts.add(bucket(mix(previous * 0xC2B2AE3D27D4EB4FL + h)));
				}
				previous = h;
			}
		}
		if (chars) {
			addCharGrams(" " + String.join(" ", tokens) + " ", counts);
		}
		return counts;
	}

	private void addCharGrams(String padded, TermCounts counts) {
		int length = padded.length();
		for (int start = 0; start < length; start++) {
			long h = 0x84222325CBF29CE4L;
			for (int n = 1; n <= maxChar && start + n <= length; n++) {
				h = (h ^ padded.charAt(start + n - 1)) * 0x100000001B3L;
				if (n >= minChar) {
					counts.add(bucket(mix(h + n)));
				}
			}
		}
	}

	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				tokens.add(text.substring(start, i).toLowerCase(java.util.Locale.ROOT));
				start = -1;
			}
		}
		return tokens;
	}

	private static long hash(String s, long seed) {
		long h = seed;
		for (int i = 0; i < s.length(); i++) {
			h = (h ^ s.charAt(i)) * 0x100000001B3L;
		}
		return mix(h);
	}

	private int bucket(long h) {
		return (int) (mix(h) >>> (64 - bits));
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
		z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
		return z ^ (z >>> 33);
	}
}
