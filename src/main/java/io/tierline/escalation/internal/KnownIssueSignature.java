package io.tierline.escalation.internal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tierline.common.InputCheck;

/**
 * An error signature of a known issue (SPEC §3): a literal text, or a regular expression in Java
 * syntax. Both match case-insensitively anywhere in a ticket's text.
 */
public record KnownIssueSignature(Kind kind, String pattern) {

	static final int MAX_LENGTH = 500;
	static final int MIN_LITERAL_LENGTH = 3;

	public enum Kind {
		LITERAL, REGEX
	}

	/** A signature as a request hands it in; {@code kind} defaults to LITERAL. */
	public record Input(String kind, String pattern) {
	}

	/**
	 * Validates one signature of a request, recording problems under {@code signatures[i]}.
	 *
	 * @return null when invalid
	 */
	static KnownIssueSignature check(InputCheck check, Input input, int index) {
		String field = "signatures[" + index + "]";
		if (input == null) {
			check.add(field, "must be an object with a pattern");
			return null;
		}
		Kind kind = check.enumValue(input.kind(), Kind.class, field + ".kind", Kind.LITERAL);
		String pattern = check.text(input.pattern(), field + ".pattern", MAX_LENGTH, true);
		if (pattern == null || kind == null || pattern.length() > MAX_LENGTH) {
			return null;
		}
		String problem = kind == Kind.LITERAL ? literalProblem(pattern) : regexProblem(pattern);
		if (problem != null) {
			check.add(field + ".pattern", problem);
			return null;
		}
		return new KnownIssueSignature(kind, pattern);
	}

	/** The pattern this signature is matched with: a literal is quoted, so it runs in linear time. */
	Pattern compile() {
		return Pattern.compile(kind == Kind.LITERAL ? Pattern.quote(pattern) : pattern,
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	private static String literalProblem(String pattern) {
		return pattern.length() < MIN_LITERAL_LENGTH ? "must be at least " + MIN_LITERAL_LENGTH + " characters" : null;
	}

	private static String regexProblem(String pattern) {
		try {
			Pattern compiled = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
			// a signature that matches empty text would be suggested for every ticket of the client
			return compiled.matcher("").find() ? "must not match empty text" : null;
		}
		catch (PatternSyntaxException e) {
			return "is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex();
		}
	}
}
