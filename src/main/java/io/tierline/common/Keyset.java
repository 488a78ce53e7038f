package io.tierline.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** An opaque keyset-pagination cursor: the sort key and id of the last row of a page. */
public record Keyset(Instant at, long id) {

	public String encode() {
		String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
	}

	/** @return null when the cursor is null or blank */
	public static Keyset decode(String cursor, String field) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
			return new Keyset(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), Long.parseLong(parts[2]));
		}
		catch (RuntimeException e) {
			throw InvalidInputException.of(field, "is not a cursor this API returned");
		}
	}

	public static int limit(Integer requested, int fallback, int max, String field) {
		if (requested == null) {
			return fallback;
		}
		if (requested < 1 || requested > max) {
			throw InvalidInputException.of(field, "must be between 1 and " + max);
		}
		return requested;
	}
}
