package io.tierline.channel.phone;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.tierline.common.InputCheck;
import tools.jackson.databind.JsonNode;

/** Reads the fields of a webhook's JSON body, naming each one that is missing or malformed. */
final class Payload {

	private final JsonNode body;
	private final InputCheck check;

	Payload(JsonNode body, InputCheck check) {
		this.body = body;
		this.check = check;
	}

	InputCheck check() {
		return check;
	}

	/** Text, or a number sent where text was meant (ids often are). */
	String text(String field, int maxLength, boolean required) {
		JsonNode value = body.get(field);
		if (value != null && !value.isNull() && !value.isString() && !value.isNumber()) {
			check.add(field, "must be a string");
			return null;
		}
		return check.text(value == null || value.isNull() ? null : value.asString(), field, maxLength, required);
	}

	String phone(String field, boolean required) {
		String value = text(field, 40, required);
		return value == null ? null : PhoneNumbers.normalise(value, field, check, false);
	}

	Instant instant(String field) {
		String value = text(field, 40, true);
		try {
			return value == null ? null : Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			check.add(field, "must be an ISO-8601 instant such as 2026-03-02T09:15:00Z");
			return null;
		}
	}

	Integer seconds(String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			check.add(field, "must not be blank");
			return null;
		}
		if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > 86_400) {
			check.add(field, "must be a whole number of seconds from 0 to 86400");
			return null;
		}
		return value.asInt();
	}

	String direction(String field) {
		String value = text(field, 10, true);
		if (value != null && !value.equalsIgnoreCase("INBOUND") && !value.equalsIgnoreCase("OUTBOUND")) {
			check.add(field, "must be inbound or outbound");
			return null;
		}
		return value == null ? null : value.toUpperCase();
	}

	/** {@code ACME-1042} or {@code 1042}; whether it is a ticket of the client is decided later. */
	String ticket(String field) {
		String value = text(field, 40, false);
		check.require(value == null || TicketRef.PATTERN.matcher(value).matches(), field, "must be a ticket number such as ACME-1042");
		return value;
	}

	String email(String field) {
		String value = text(field, 320, false);
		check.require(value == null || value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), field, "must be an e-mail address");
		return value;
	}

	/** A link shown to agents: only http(s), so that no {@code javascript:} URL becomes a link. */
	static String url(String value, String field, InputCheck check) {
		String url = check.text(value, field, 2000, false);
		if (url == null) {
			return null;
		}
		try {
			URI uri = URI.create(url);
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
				return url;
			}
		}
		catch (IllegalArgumentException malformed) {
			// reported below
		}
		check.add(field, "must be an absolute http(s) URL");
		return null;
	}
}
