package io.tierline.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.tierline.ticket.Channel;
import io.tierline.ticket.EventType;
import io.tierline.ticket.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one line of the SPEC §14 format into a {@link ParsedTicket}, or says why it cannot. */
final class TicketLine {

	private TicketLine() {
	}

	static ParsedTicket parse(JsonMapper json, String line) {
		JsonNode root;
		try {
			root = json.readTree(line);
		}
		catch (JacksonException e) {
			throw new BadLine("not valid JSON: " + e.getOriginalMessage());
		}
		var f = new Fields(root, "");
		String externalId = f.text("externalId", 100, true);
		String client = f.text("client", 100, true);
		var requester = new Fields(f.node("requester"), "requester");
		String email = EventLine.email(requester, "email", true);
		String name = requester.text("name", 200, false);
		String subject = f.text("subject", 300, true);
		Channel channel = f.enumValue("channel", Channel.class, true);
		Severity severity = f.enumValue("severity", Severity.class, true);
		String category = f.text("category", 100, false);
		Instant createdAt = f.instant("createdAt");
		String followUpOf = f.text("followUpOf", 100, false);
		if (externalId.equals(followUpOf)) {
			throw new BadLine("followUpOf names the ticket itself");
		}
		return new ParsedTicket(externalId, client, email, name, subject, channel, severity, category, createdAt, followUpOf,
				events(f, createdAt));
	}

	/** In time order (a stable sort keeps the order of events at the same instant), none before the ticket. */
	private static List<ParsedTicket.Event> events(Fields f, Instant createdAt) {
		JsonNode array = f.node("events");
		if (array == null || array.isNull()) {
			return List.of();
		}
		if (!array.isArray()) {
			throw new BadLine("events must be an array");
		}
		List<ParsedTicket.Event> events = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			var event = EventLine.read(new Fields(array.get(i), "events[" + i + "]"));
			if (event.at().isBefore(createdAt)) {
				throw new BadLine("events[" + i + "].at is before createdAt");
			}
			events.add(event);
		}
		events.sort(Comparator.comparing(ParsedTicket.Event::at));
		requireEscalationBeforeReturn(events);
		return events;
	}

	/** SPEC §3: only an escalation can be returned, to the tier that raised it. */
	private static void requireEscalationBeforeReturn(List<ParsedTicket.Event> events) {
		int open = 0;
		for (var e : events) {
			if (e.type() == EventType.ESCALATED) {
				open++;
			}
			else if (e.type() == EventType.ESCALATION_DECIDED && "RETURNED".equals(e.facts().get("decision"))) {
				if (open == 0) {
					throw new BadLine("an escalation is RETURNED at " + e.at() + " but none was raised before it");
				}
				open--;
			}
		}
	}
}
