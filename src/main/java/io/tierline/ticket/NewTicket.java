package io.tierline.ticket;

import java.util.List;
import java.util.Map;

/**
 * {@code customFields}: the client's own fields, a flat JSON object of text, numbers and booleans.
 * A ticket to open, as a channel, the API or the portal hands it in. Enum fields are strings so
 * that a wrong value is reported by field name. Only {@code client} and {@code subject} are
 * required; a requester opening their own ticket may leave {@code requester} out.
 */
public record NewTicket(String client, Requester requester, String subject, String description, String channel,
		String severity, String category, String product, String queue, String tier, List<String> tags,
		Map<String, Object> customFields) {

	public record Requester(String email, String name) {
	}
}
