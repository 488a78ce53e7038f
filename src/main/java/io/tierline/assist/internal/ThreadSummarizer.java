package io.tierline.assist.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tierline.ticket.TicketThreads.ThreadMessage;

/**
 * Extractive summary of a thread: each sentence is scored by how much of the thread's vocabulary it
 * carries (term frequency in the thread × inverse sentence frequency, over the sentence's distinct
 * words, normalised by its length), with a lift for the requester's first message (the problem), the
 * last message (where things stand) and sentences with error words, versions or numbers; the best
 * few are shown in thread order.
 */
final class ThreadSummarizer {

	static final int LONG_MESSAGES = 6;
	static final int LONG_CHARACTERS = 2_500;
	static final int MAX_LINES = 7;
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
	private static final Pattern SIGNAL = Pattern.compile("(?i)\\b(error|exception|fail\\w*|crash\\w*|cannot|can't|unable|"
			+ "timeout|denied|refused|version|\\d+(\\.\\d+)+|still|works now|fixed|resolved|workaround)\\b");
	private static final Set<String> STOP = Set.of("the", "and", "for", "you", "your", "with", "this", "that", "have", "has", "was",
			"are", "but", "not", "can", "will", "would", "could", "please", "our", "from", "they", "them", "there", "what", "when",
			"which", "also", "been", "just", "into", "any", "all", "its", "it's", "we", "us", "is", "it", "to", "of", "in", "on", "a",
			"an", "i", "me", "my", "be", "do", "does", "did", "so", "if", "or", "as", "at", "by", "no", "yes", "ok", "hi", "thanks");

	private ThreadSummarizer() {
	}

	private record Candidate(int order, ThreadMessage message, String text, Set<String> words) {
	}

	static ThreadSummary summarise(List<ThreadMessage> thread) {
		List<Candidate> candidates = new ArrayList<>();
		int characters = 0;
		for (ThreadMessage m : thread) {
			characters += m.body().length();
			for (String sentence : Sentences.of(m.body())) {
				candidates.add(new Candidate(candidates.size(), m, sentence, words(sentence)));
			}
		}
		boolean longThread = thread.size() >= LONG_MESSAGES || characters >= LONG_CHARACTERS;
		int keep = Math.min(MAX_LINES, Math.max(3, candidates.size() / 6));
		Map<String, Integer> threadFrequency = new HashMap<>();
		Map<String, Integer> sentenceFrequency = new HashMap<>();
		for (Candidate c : candidates) {
			for (String w : c.words()) {
				sentenceFrequency.merge(w, 1, Integer::sum);
			}
			countWords(c.text(), threadFrequency);
		}
		long firstRequesterMessage = thread.stream().filter(ThreadMessage::fromRequester).mapToLong(ThreadMessage::id).findFirst().orElse(-1);
		long lastMessage = thread.isEmpty() ? -1 : thread.get(thread.size() - 1).id();
		int n = candidates.size();
		List<ThreadSummary.Line> lines = candidates.stream()
			.sorted(Comparator.comparingDouble((Candidate c) -> -score(c, threadFrequency, sentenceFrequency, n, firstRequesterMessage, lastMessage))
				.thenComparingInt(Candidate::order))
			.limit(keep)
			.sorted(Comparator.comparingInt(Candidate::order))
			.map(c -> new ThreadSummary.Line(c.message().id(), c.message().authorName(), c.message().fromRequester(), c.message().createdAt(),
					c.text()))
			.toList();
		return new ThreadSummary(thread.size(), characters, longThread, lines);
	}

	private static double score(Candidate c, Map<String, Integer> threadFrequency, Map<String, Integer> sentenceFrequency, int sentences,
			long firstRequesterMessage, long lastMessage) {
		if (c.words().isEmpty()) {
			return 0;
		}
		double weight = 0;
		for (String w : c.words()) {
			double idf = Math.log(1.0 + (double) sentences / sentenceFrequency.get(w));
			weight += Math.log(1 + threadFrequency.get(w)) * idf;
		}
		double score = weight / Math.sqrt(c.words().size());
		if (c.message().id() == firstRequesterMessage) {
			score *= 1.5;
		}
		if (c.message().id() == lastMessage) {
			score *= 1.3;
		}
		if (SIGNAL.matcher(c.text()).find()) {
			score *= 1.2;
		}
		return score;
	}

	static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (m.find()) {
			if (m.group().length() > 2 && !STOP.contains(m.group())) {
				words.add(m.group());
			}
		}
		return words;
	}

	private static void countWords(String text, Map<String, Integer> into) {
		var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (m.find()) {
			if (m.group().length() > 2 && !STOP.contains(m.group())) {
				into.merge(m.group(), 1, Integer::sum);
			}
		}
	}
}
