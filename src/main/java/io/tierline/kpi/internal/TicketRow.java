package io.tierline.kpi.internal;

import java.time.Instant;

/** What the facts take from the ticket itself rather than its events; {@code followUpAt} is the first follow-up's creation, or null. */
record TicketRow(long id, long clientId, Long queueId, String channel, Long categoryId, Instant createdAt, Instant followUpAt) {
}
