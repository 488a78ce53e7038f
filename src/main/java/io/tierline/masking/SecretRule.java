package io.tierline.masking;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One family of secrets: a pattern whose group {@code s} (or, in other alternatives, {@code t} or
 * {@code u}; without such groups the whole match) is the secret, and a classifier that says which kind a match is, or null when it is
 * not a secret after all (a card number failing Luhn, the word "password" in prose).
 */
record SecretRule(Pattern pattern, List<String> groups, Function<Matcher, SecretKind> classify, String hint) {

	static SecretRule of(SecretKind kind, String regex) {
		return of(m -> kind, regex);
	}

	static SecretRule of(Function<Matcher, SecretKind> classify, String regex) {
		List<String> groups = Stream.of("s", "t", "u").filter(g -> regex.contains("(?<" + g + ">")).toList();
		return new SecretRule(Pattern.compile(regex), groups, classify, null);
	}

	/** The same rule, skipped without running its pattern when the text does not contain {@code literal}. */
	SecretRule onlyWith(String literal) {
		return new SecretRule(pattern, groups, classify, literal);
	}

	/** Replaces every secret this rule finds and counts it in {@code found}; the same string when none. */
	String apply(String text, Map<SecretKind, Integer> found) {
		if (hint != null && !text.contains(hint)) {
			return text;
		}
		Matcher m = pattern.matcher(text);
		StringBuilder out = null;
		int copied = 0;
		while (m.find()) {
			SecretKind kind = classify.apply(m);
			if (kind == null) {
				continue;
			}
			String group = secretGroup(m);
			int start = group == null ? m.start() : m.start(group);
			int end = group == null ? m.end() : m.end(group);
			out = out == null ? new StringBuilder(text.length()) : out;
			out.append(text, copied, start).append(marker(kind, text.substring(start, end)));
			copied = end;
			found.merge(kind, 1, Integer::sum);
		}
		return out == null ? text : out.append(text, copied, text.length()).toString();
	}

	/** The group that holds the secret in the alternative that matched; null for the whole match. */
	String secretGroup(Matcher m) {
		return groups.stream().filter(g -> m.start(g) >= 0).findFirst().orElse(null);
	}

	static String marker(SecretKind kind, String secret) {
		if (kind == SecretKind.CARD_NUMBER) {
			String digits = secret.replaceAll("\\D", "");
			return "[masked: card ending " + digits.substring(digits.length() - 4) + "]";
		}
		return "[masked: " + kind.label() + "]";
	}
}
