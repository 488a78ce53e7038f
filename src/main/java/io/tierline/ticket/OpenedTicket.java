package io.tierline.ticket;

/** A ticket just opened, and whether an earlier request with the same idempotency key opened it. */
public record OpenedTicket(long ticketId, boolean replayed) {
}
