package io.tierline.ticket;

import java.time.Instant;

/**
 * A solved (or closed) ticket as a search index sees it: what the requester could read of it.
 *
 * @param number the per-client reference, e.g. {@code ACME-1042}
 * @param text the public messages of its thread, oldest first (internal notes never appear here)
 * @param productId null when the ticket names no product
 */
public record SolvedTicket(long id, long clientId, String number, String subject, String text, TicketStatus status,
		Long productId, Instant updatedAt) {
}
