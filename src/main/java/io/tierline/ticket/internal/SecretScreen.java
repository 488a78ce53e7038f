package io.tierline.ticket.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tierline.masking.Masked;
import io.tierline.masking.SecretKind;
import io.tierline.masking.SecretMasking;
import io.tierline.ticket.EventType;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.Visibility;

import org.springframework.stereotype.Component;

/**
 * SPEC §6: every inbound text passes this screen before it is stored, so the original of a
 * secret never reaches the database. The ticket records SECRETS_MASKED with the kinds, the counts
 * and where they were (subject, message, attachment) — never a value.
 */
@Component
class SecretScreen {

	private final SecretMasking masking;
	private final Messages messages;

	SecretScreen(SecretMasking masking, Messages messages) {
		this.masking = masking;
		this.messages = messages;
	}

	Masked mask(String text) {
		return masking.mask(text);
	}

	/**
	 * Masks the text values of {@code fields} in place (a ticket's custom fields; may be null).
	 *
	 * @return what was masked, without a text
	 */
	Masked maskValues(Map<String, Object> fields) {
		Map<SecretKind, Integer> found = new EnumMap<>(SecretKind.class);
		if (fields != null) {
			fields.replaceAll((key, value) -> {
				if (!(value instanceof String text)) {
					return value;
				}
				Masked masked = masking.mask(text);
				masked.found().forEach((kind, n) -> found.merge(kind, n, Integer::sum));
				return masked.text();
			});
		}
		return new Masked(null, found);
	}

	/** Stores the message masked and records what was masked in it on the ticket. */
	long insertMessage(Ticket ticket, long authorId, Visibility visibility, MessageKind kind, String body, Messages.State state,
			Instant at) {
		Masked masked = masking.mask(body);
		long id = messages.insert(ticket.id(), authorId, visibility, kind, masked.text(), column(masked), state, at);
		record(ticket, masked, "message", "messageId", id, authorId, at);
		return id;
	}

	/** Records SECRETS_MASKED when anything was masked; {@code idName} and {@code id} may be null. */
	static void record(Ticket ticket, Masked masked, String where, String idName, Long id, Long actorId, Instant at) {
		if (!masked.any()) {
			return;
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		masked.found().forEach((kind, n) -> counts.put(kind.name(), n));
		ticket.recordEvent(EventType.SECRETS_MASKED, actorId, at,
				Ticket.data("where", where, idName == null ? "id" : idName, id, "kinds", List.copyOf(counts.keySet()), "counts", counts));
	}

	/** The masked_kinds column: the kinds' names joined by commas, or null when nothing was masked. */
	static String column(Masked masked) {
		return masked.any() ? masked.kinds().stream().map(Enum::name).collect(Collectors.joining(",")) : null;
	}

	/** The kinds a masked_kinds column names (null or empty: none); names no longer known are skipped. */
	static List<SecretKind> kinds(String column) {
		if (column == null || column.isBlank()) {
			return List.of();
		}
		var known = Arrays.stream(SecretKind.values()).map(Enum::name).toList();
		return Arrays.stream(column.split(",")).filter(known::contains).map(SecretKind::valueOf).toList();
	}
}
