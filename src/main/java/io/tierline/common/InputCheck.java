package io.tierline.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects every problem of a request before refusing it, so a client fixes all at once. */
public final class InputCheck {

	private final List<FieldProblem> problems = new ArrayList<>();

	public InputCheck require(boolean condition, String field, String message) {
		if (!condition) {
			problems.add(new FieldProblem(field, message));
		}
		return this;
	}

	public String text(String value, String field, int maxLength, boolean required) {
		if (value == null || value.isBlank()) {
			require(!required, field, "must not be blank");
			return null;
		}
		String trimmed = value.strip();
		require(trimmed.length() <= maxLength, field, "must be at most " + maxLength + " characters");
		return trimmed;
	}

	public <E extends Enum<E>> E enumValue(String value, Class<E> type, String field, E fallback) {
		if (value == null || value.isBlank()) {
			if (fallback == null) {
				problems.add(new FieldProblem(field, "must not be blank"));
			}
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase());
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
			return fallback;
		}
	}

	/** @return null when the value is absent or invalid (then a problem is recorded) */
	public <E extends Enum<E>> E optionalEnum(String value, Class<E> type, String field) {
		return value == null || value.isBlank() ? null : enumValue(value, type, field, null);
	}

	public <T> T lookup(String value, Function<String, java.util.Optional<T>> finder, String field, String what) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var found = finder.apply(value.strip());
		if (found.isEmpty()) {
			problems.add(new FieldProblem(field, "unknown " + what + " '" + value + "'"));
		}
		return found.orElse(null);
	}

	public void add(String field, String message) {
		problems.add(new FieldProblem(field, message));
	}

	public boolean hasProblems() {
		return !problems.isEmpty();
	}

	public void throwIfInvalid() {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}
}
