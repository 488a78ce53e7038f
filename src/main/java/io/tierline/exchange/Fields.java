package io.tierline.exchange;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/** Reads the fields of one JSON object of a line, naming the field in every reason it gives. */
final class Fields {

	private final JsonNode node;
	private final String path;

	Fields(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new BadLine((path.isEmpty() ? "the line" : path) + " must be a JSON object");
		}
		this.node = node;
		this.path = path;
	}

	String name(String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	boolean has(String field) {
		return node.hasNonNull(field);
	}

	JsonNode node(String field) {
		return node.get(field);
	}

	/** @return null when absent or null and not required */
	String text(String field, int maxLength, boolean required) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw new BadLine(name(field) + " is required");
			}
			return null;
		}
		if (!value.isString()) {
			throw new BadLine(name(field) + " must be a string");
		}
		String text = value.stringValue();
		if (required && text.isBlank()) {
			throw new BadLine(name(field) + " must not be blank");
		}
		if (text.length() > maxLength) {
			throw new BadLine(name(field) + " must be at most " + maxLength + " characters");
		}
		return text;
	}

	<E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
		String text = text(field, 40, required);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text);
		}
		catch (IllegalArgumentException e) {
			throw new BadLine(name(field) + " '" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
		}
	}

	Instant instant(String field) {
		String text = text(field, 40, true);
		try {
			Instant common = utcInstant(text);
			return common != null ? common : Instant.parse(text);
		}
		catch (DateTimeParseException e) {
			throw new BadLine(name(field) + " '" + text + "' is not an ISO-8601 instant such as 2026-03-02T09:15:00Z");
		}
	}

	/**
	 * The common form {@code 2026-03-02T09:15:00Z} (with up to nine fraction digits) read directly,
	 * without a formatter: an import reads millions of them. Null when {@code text} has another form
	 * or names an impossible date: then {@link Instant#parse} decides, and gives the reason.
	 */
	static Instant utcInstant(String text) {
		int n = text.length();
		if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int nanos = 0;
		if (n > 20) {
			if (text.charAt(19) != '.' || n == 21) {
				return null;
			}
			for (int i = 20; i < n - 1; i++) {
				int d = digit(text, i);
				if (d < 0) {
					return null;
				}
				nanos = nanos * 10 + d;
			}
			for (int i = n - 1; i < 29; i++) {
				nanos *= 10;
			}
		}
		int year = number(text, 0, 4);
		int month = number(text, 5, 7);
		int day = number(text, 8, 10);
		int hour = number(text, 11, 13);
		int minute = number(text, 14, 16);
		int second = number(text, 17, 19);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || second == 60) {
			return null;
		}
		try {
			return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(java.time.ZoneOffset.UTC);
		}
		catch (java.time.DateTimeException impossible) {
			return null;
		}
	}

	private static int number(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			int d = digit(text, i);
			if (d < 0) {
				return -1;
			}
			value = value * 10 + d;
		}
		return value;
	}

	private static int digit(String text, int i) {
		char c = text.charAt(i);
		return c >= '0' && c <= '9' ? c - '0' : -1;
	}

	int integer(String field, int min, int max) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new BadLine(name(field) + " is required");
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
			throw new BadLine(name(field) + " must be a whole number from " + min + " to " + max);
		}
		return value.intValue();
	}
}
