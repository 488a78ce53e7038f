package io.tierline.selfservice.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tierline.selfservice.TopicSimilarity;

/**
 * Cosine similarity of the two texts' word counts, after lower-casing, dropping stop words and
 * crude suffix stripping. Used when no semantic similarity (embeddings) is available: it sees
 * "VPN keeps disconnecting" and "the vpn disconnects again" as one topic, but not synonyms.
 */
final class LexicalSimilarity implements TopicSimilarity {

	private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "is", "are", "was", "were", "be", "been",
			"to", "of", "in", "on", "at", "for", "with", "my", "our", "i", "we", "it", "its", "this", "that", "not", "no", "can",
			"cannot", "can't", "does", "doesn't", "do", "don't", "again", "still", "any", "all", "when", "from", "me", "you", "your",
			"have", "has", "had", "after", "before", "since", "just", "so", "if", "there", "what", "how", "why", "please", "help");

	private final double threshold;

	LexicalSimilarity(double threshold) {
		this.threshold = threshold;
	}

	@Override
	public double similarity(String a, String b) {
		Map<String, Integer> x = terms(a);
		Map<String, Integer> y = terms(b);
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		double dot = 0;
		for (var e : x.entrySet()) {
			dot += e.getValue() * y.getOrDefault(e.getKey(), 0);
		}
		return dot / (norm(x) * norm(y));
	}

	@Override
	public double sameTopicThreshold() {
		return threshold;
	}

	static Map<String, Integer> terms(String text) {
		Map<String, Integer> terms = new HashMap<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
			if (word.length() > 1 && !STOP.contains(word)) {
				terms.merge(stem(word), 1, Integer::sum);
			}
		}
		return terms;
	}

	private static String stem(String word) {
		for (String suffix : new String[] { "ing", "ed", "es", "s" }) {
			if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
				return word.substring(0, word.length() - suffix.length());
			}
		}
		return word;
	}

	private static double norm(Map<String, Integer> terms) {
		double sum = 0;
		for (int v : terms.values()) {
			sum += (double) v * v;
		}
		return Math.sqrt(sum);
	}
}
