package io.tierline.access;

/** What other modules need to know of an organization. {@code ticketPrefix} is null for the provider. */
public record ClientRef(long id, String slug, String name, boolean provider, String ticketPrefix, int reopenWindowDays) {
}
