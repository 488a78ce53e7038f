package io.tierline.ticket;

import java.util.List;

/**
 * A ticket to open, as a channel, the API or the portal hands it in. Enum fields are strings so
 * that a wrong value is reported by field name. Only {@code client} and {@code subject} are
 * required; a requester opening their own ticket may leave {@code requester} out.
 */
public record NewTicket(String client, Requester requester, String subject, String description, String channel,
		String severity, String category, String queue, String tier, List<String> tags) {

	public record Requester(String email, String name) {
	}
}
