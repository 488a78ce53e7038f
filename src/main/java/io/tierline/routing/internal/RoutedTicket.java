package io.tierline.routing.internal;

import java.util.List;

/**
 * The facts of a ticket routing decides on, read in the transaction that opens or changes it.
 * {@code queueId}, {@code categoryId}, {@code category}, {@code product}, {@code language} and
 * {@code assigneeId} may be null.
 */
record RoutedTicket(long id, long clientId, Long queueId, Long categoryId, String category, String product, String severity,
		String tier, String channel, String status, Long assigneeId, String language, List<String> tags) {

	boolean active() {
		return !status.equals("SOLVED") && !status.equals("CLOSED");
	}
}
