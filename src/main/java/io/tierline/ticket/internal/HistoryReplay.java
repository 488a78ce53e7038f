package io.tierline.ticket.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.common.Tier;
import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketHistory.ImportedEvent;
import io.tierline.ticket.TicketHistory.ImportedTicket;
import io.tierline.ticket.TicketStatus;

/**
 * Replays an imported history (SPEC §14) the way the ticket would have lived it: the current
 * status, tier, assignee and solve time follow from the events, and each event gets the data
 * keys the product itself records (SPEC §7 reads them): {@code from} of a STATUS, the tiers of
 * an ASSIGNED, ESCALATED, decision or time entry. History is taken as it happened, so the status
 * machine is not enforced on it.
 */
final class HistoryReplay {

	/** An event ready to store; {@code body} is the message of a MESSAGE (its id is added to data once stored). */
	record Row(EventType type, Long actorId, Instant at, Map<String, Object> data, String body) {
	}

	TicketStatus status = TicketStatus.NEW;
	Tier tier = Tier.T1;
	Long assigneeId;
	Instant solvedAt;
	Instant updatedAt;
	final List<Row> rows = new ArrayList<>();
	private final Deque<Tier> escalatedFrom = new ArrayDeque<>();

	static HistoryReplay of(ImportedTicket ticket) {
		var replay = new HistoryReplay();
		replay.updatedAt = ticket.createdAt();
		replay.rows.add(new Row(EventType.CREATED, ticket.requesterId(), ticket.createdAt(),
				data("channel", ticket.channel().name(), "severity", ticket.severity().name(), "tier", Tier.T1.name()), null));
		ticket.events().forEach(replay::apply);
		return replay;
	}

	private void apply(ImportedEvent e) {
		Map<String, Object> data = switch (e.type()) {
			case ASSIGNED -> assigned(e);
			case STATUS -> status(e);
			case ESCALATED -> escalated(e);
			case ESCALATION_DECIDED -> decided(e);
			case REOPENED -> reopened();
			case TIME_LOGGED -> data("tier", e.facts().getOrDefault("tier", tier.name()), "minutes", e.facts().get("minutes"));
			default -> new LinkedHashMap<>(e.facts());
		};
		if (e.at().isAfter(updatedAt)) {
			updatedAt = e.at();
		}
		rows.add(new Row(e.type(), e.actorId(), e.at(), data, e.body()));
	}

	private Map<String, Object> assigned(ImportedEvent e) {
		assigneeId = e.assigneeId();
		return data("assignee", e.facts().get("assignee"), "tier", e.facts().getOrDefault("tier", tier.name()));
	}

	private Map<String, Object> status(ImportedEvent e) {
		var to = TicketStatus.valueOf((String) e.facts().get("status"));
		var data = data("status", to.name(), "from", status.name());
		status = to;
		if (to == TicketStatus.SOLVED) {
			solvedAt = e.at();
		}
		return data;
	}

	private Map<String, Object> escalated(ImportedEvent e) {
		Tier from = e.facts().containsKey("fromTier") ? Tier.valueOf((String) e.facts().get("fromTier")) : tier;
		escalatedFrom.push(from);
		tier = Tier.valueOf((String) e.facts().get("toTier"));
		return data("fromTier", from.name(), "toTier", tier.name());
	}

	/** SPEC §7: a returned escalation puts the ticket back at the tier that escalated it. */
	private Map<String, Object> decided(ImportedEvent e) {
		String decision = (String) e.facts().get("decision");
		var data = data("decision", decision, "tier", tier.name(), "reason", e.facts().get("reason"));
		if ("RETURNED".equals(decision)) {
			Tier back = escalatedFrom.isEmpty() ? Tier.T1 : escalatedFrom.pop();
			data.put("fromTier", tier.name());
			data.put("toTier", back.name());
			tier = back;
		}
		return data;
	}

	private Map<String, Object> reopened() {
		status = TicketStatus.OPEN;
		return new LinkedHashMap<>();
	}

	private static Map<String, Object> data(Object... keyValues) {
		return Ticket.data(keyValues);
	}
}
