package io.tierline.assist.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A message body as sentences: quoted replies, sign-offs and greetings left out. */
final class Sentences {

	private static final Pattern SPLIT = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])|\\n+");
	private static final Pattern QUOTE_HEADER = Pattern.compile("^On .{4,120} wrote:$");
	private static final Pattern SIGN_OFF = Pattern.compile(
			"(?i)^(hi|hello|hey|dear|good (morning|afternoon|evening)|thanks|thank you|many thanks|regards|best|kind regards|best regards|"
			+ "cheers|br|sincerely)\\b.*");
	/** A numbered or bulleted list item: kept as one sentence. */
	static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:\\d{1,2}[.)]|[-*•])\\s+\\S.*");

	private Sentences() {
	}

	static List<String> of(String body) {
		List<String> sentences = new ArrayList<>();
		for (String line : withoutQuotes(body)) {
			if (LIST_ITEM.matcher(line).matches()) {
				sentences.add(line.strip());
				continue;
			}
			for (String s : SPLIT.split(line)) {
				String sentence = s.strip();
				if (words(sentence) >= 3 && !(SIGN_OFF.matcher(sentence).matches() && words(sentence) < 8)) {
					sentences.add(sentence.length() > 400 ? sentence.substring(0, 400) + "…" : sentence);
				}
			}
		}
		return sentences;
	}

	/** The lines before a signature ("-- ") or a quoted earlier message. */
	static List<String> withoutQuotes(String body) {
		List<String> lines = new ArrayList<>();
		for (String line : body.split("\\R")) {
			String stripped = line.strip();
			if (stripped.equals("--") || QUOTE_HEADER.matcher(stripped).matches() || stripped.startsWith("-----Original Message")) {
				break;
			}
			if (!stripped.startsWith(">") && !stripped.isEmpty()) {
				lines.add(line);
			}
		}
		return lines;
	}

	static int words(String text) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean letter = Character.isLetterOrDigit(text.charAt(i));
			if (letter && !inWord) {
				words++;
			}
			inWord = letter;
		}
		return words;
	}
}
