package io.tierline.exchange;

import java.util.Map;
import java.util.Objects;

import io.tierline.ticket.TicketHistory.ExportedEvent;
import io.tierline.ticket.TicketHistory.ExportedTicket;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one ticket as a SPEC §14 line, fields in the order of the SPEC's example, so that export,
 * import and export again give the same bytes. Derived data (a STATUS's {@code from}, the tiers of
 * a decision) is not written: import derives it again.
 */
final class ExportLine {

	private ExportLine() {
	}

	static String format(JsonMapper json, String client, String category, ExportedTicket t) {
		ObjectNode line = json.createObjectNode();
		line.put("externalId", t.externalId());
		line.put("client", client);
		ObjectNode requester = line.putObject("requester");
		requester.put("email", t.requesterEmail());
		requester.put("name", t.requesterName());
		line.put("subject", t.subject());
		line.put("channel", t.channel().name());
		line.put("severity", t.severity().name());
		line.put("category", category);
		line.put("createdAt", t.createdAt().toString());
		line.put("followUpOf", t.followUpOf());
		ArrayNode events = line.putArray("events");
		t.events().forEach(e -> event(events.addObject(), e));
		return json.writeValueAsString(line);
	}

	private static void event(ObjectNode node, ExportedEvent e) {
		Map<String, Object> d = e.data();
		node.put("at", e.at().toString());
		node.put("type", e.type().name());
		if (e.type() == io.tierline.ticket.EventType.STATUS) {
			copy(node, "status", d.get("status"));
			copy(node, "actor", e.actor());
			return;
		}
		copy(node, "actor", e.actor());
		switch (e.type()) {
			case ASSIGNED -> {
				if (!Objects.equals(d.get("assignee"), e.actor())) {
					copy(node, "assignee", d.get("assignee"));
				}
				copy(node, "tier", d.get("tier"));
			}
			case MESSAGE -> {
				copy(node, "visibility", d.get("visibility"));
				copy(node, "kind", d.get("kind"));
				node.put("body", e.body() == null ? "" : e.body());
			}
			case ESCALATED -> {
				copy(node, "fromTier", d.get("fromTier"));
				copy(node, "toTier", d.get("toTier"));
			}
			case ESCALATION_DECIDED -> {
				copy(node, "decision", d.get("decision"));
				copy(node, "reason", d.get("reason"));
			}
			case CSAT -> copy(node, "score", d.get("score"));
			case TIME_LOGGED -> {
				copy(node, "tier", d.get("tier"));
				copy(node, "minutes", d.get("minutes"));
			}
			case KNOWLEDGE_LINKED -> {
				copy(node, "article", d.get("article"));
				copy(node, "action", d.get("action"));
			}
			default -> {
			}
		}
	}

	/** Absent values are left out, as the SPEC's example leaves out a CSAT's actor. */
	private static void copy(ObjectNode node, String field, Object value) {
		if (value instanceof Number n) {
			node.put(field, n.longValue());
		}
		else if (value != null) {
			node.put(field, value.toString());
		}
	}
}
