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
			return Instant.parse(text);
		}
		catch (DateTimeParseException e) {
			throw new BadLine(name(field) + " '" + text + "' is not an ISO-8601 instant such as 2026-03-02T09:15:00Z");
		}
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
