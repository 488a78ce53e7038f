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
record SecretRule(Pattern pattern, List<String> groups, Function<Matcher, SecretKind> classify, Precheck precheck) {

	/**
	 * A condition every text the pattern matches in must meet, far cheaper to test than running the
	 * pattern ({@link String#contains} is a vectorised scan): most texts hold no secret, and a rule
	 * whose precheck fails is skipped. It may let through texts without a match, never the reverse.
	 */
	@FunctionalInterface
	interface Precheck {

		/** @param lowerCase {@code text} in lower case ({@link java.util.Locale#ROOT}), for the case-insensitive patterns */
		boolean mayMatch(String text, String lowerCase);
	}

	static SecretRule of(SecretKind kind, String regex) {
		return of(m -> kind, regex);
	}

	static SecretRule of(Function<Matcher, SecretKind> classify, String regex) {
		List<String> groups = Stream.of("s", "t", "u").filter(g -> regex.contains("(?<" + g + ">")).toList();
		return new SecretRule(Pattern.compile(regex), groups, classify, (text, lowerCase) -> true);
	}

	/** The same rule, skipped without running its pattern when the text contains none of {@code literals}. */
	SecretRule onlyWith(String... literals) {
		return onlyWhen((text, lowerCase) -> containsAny(text, literals));
	}

	/** As {@link #onlyWith}, for a case-insensitive pattern: {@code literals} are in lower case. */
	SecretRule onlyWithIgnoringCase(String... literals) {
		return onlyWhen((text, lowerCase) -> containsAny(lowerCase, literals));
	}

	SecretRule onlyWhen(Precheck condition) {
		Precheck before = precheck;
		return new SecretRule(pattern, groups, classify,
				(text, lowerCase) -> before.mayMatch(text, lowerCase) && condition.mayMatch(text, lowerCase));
	}

	static boolean containsAny(String text, String... literals) {
		for (String literal : literals) {
			if (text.contains(literal)) {
				return true;
			}
		}
		return false;
	}

	/** As {@link #apply(String, String, Map)}, lower-casing the text itself. */
	String apply(String text, Map<SecretKind, Integer> found) {
		return apply(text, text.toLowerCase(java.util.Locale.ROOT), found);
	}

	/** Replaces every secret this rule finds and counts it in {@code found}; the same string when none. */
	String apply(String text, String lowerCase, Map<SecretKind, Integer> found) {
		if (!precheck.mayMatch(text, lowerCase)) {
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
