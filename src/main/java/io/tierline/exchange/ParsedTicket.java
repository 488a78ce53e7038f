package io.tierline.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierline.ticket.Channel;
import io.tierline.ticket.EventType;
import io.tierline.ticket.Severity;

/**
 * One line of the SPEC §14 format, checked for form but not yet against the directory: names
 * (client, category, people) are still names. {@code category}, {@code requesterName} and
 * {@code followUpOf} may be null.
 */
record ParsedTicket(String externalId, String client, String requesterEmail, String requesterName, String subject,
		Channel channel, Severity severity, String category, Instant createdAt, String followUpOf, List<Event> events) {

	/**
	 * An event in time order. {@code actor} may be null (a CSAT answer); {@code assignee} is set for
	 * ASSIGNED, {@code body} for MESSAGE; {@code facts} hold the type's own fields.
	 */
	record Event(EventType type, Instant at, String actor, String assignee, Map<String, Object> facts, String body) {
	}
}
