package io.tierline.ticket;

import java.util.Map;

/**
 * The tickets a caller may see, as an SQL condition over the {@code tickets} table aliased
 * {@code t}, with its named parameters. Other modules join their rows to tickets through it,
 * so a list of escalations or known-issue links leaks nothing the ticket queue would not show.
 */
public record TicketScope(String sql, Map<String, Object> params) {
}
