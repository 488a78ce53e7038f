package io.tierline.exchange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tierline.common.Tier;
import io.tierline.ticket.EventType;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.Visibility;

/** Reads one event of a SPEC §14 line by its type; the form of each type is checked here. */
final class EventLine {

	static final int MAX_BODY = 100_000;

	/** Compiled once: every actor of every event of every line is checked against it. */
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** SPEC §3: why tier 3 returns an escalation. */
	enum ReturnReason {
		RESOLVABLE_AT_LOWER_TIER, MISSING_INFORMATION, NOT_A_DEFECT
	}

	enum Decision {
		ACCEPTED, RETURNED
	}

	enum KnowledgeAction {
		CREATED, UPDATED
	}

	private EventLine() {
	}

	static ParsedTicket.Event read(Fields f) {
		EventType type = f.enumValue("type", EventType.class, true);
		Instant at = f.instant("at");
		String actor = email(f, "actor", false);
		Map<String, Object> facts = new LinkedHashMap<>();
		String assignee = null;
		String body = null;
		switch (type) {
			case ASSIGNED -> {
				assignee = f.has("assignee") ? email(f, "assignee", true) : actor;
				if (assignee == null) {
					throw new BadLine(f.name("assignee") + " (or actor) is required");
				}
				facts.put("assignee", assignee);
				optionalTier(f, "tier", facts);
			}
			case MESSAGE -> {
				requireActor(f, actor);
				facts.put("visibility", f.enumValue("visibility", Visibility.class, true).name());
				MessageKind kind = f.enumValue("kind", MessageKind.class, false);
				if (kind != null) {
					facts.put("kind", kind.name());
				}
				body = f.text("body", MAX_BODY, false);
				if (body == null) {
					throw new BadLine(f.name("body") + " is required");
				}
			}
			case STATUS -> {
				TicketStatus status = f.enumValue("status", TicketStatus.class, true);
				if (status == TicketStatus.NEW) {
					throw new BadLine(f.name("status") + " NEW is where a ticket starts, not a change");
				}
				facts.put("status", status.name());
			}
			case ESCALATED -> escalated(f, facts);
			case ESCALATION_DECIDED -> decided(f, facts);
			case REOPENED -> {
			}
			case CSAT -> facts.put("score", f.integer("score", 1, 5));
			case TIME_LOGGED -> {
				optionalTier(f, "tier", facts);
				facts.put("minutes", f.integer("minutes", 1, 100_000));
			}
			case KNOWLEDGE_LINKED -> {
				facts.put("article", f.text("article", 200, true));
				facts.put("action", f.enumValue("action", KnowledgeAction.class, true).name());
			}
			default -> throw new BadLine(f.name("type") + " " + type + " is not a SPEC §14 event type");
		}
		return new ParsedTicket.Event(type, at, actor, assignee, facts, body);
	}

	private static void escalated(Fields f, Map<String, Object> facts) {
		Tier from = f.enumValue("fromTier", Tier.class, false);
		Tier to = f.enumValue("toTier", Tier.class, true);
		if (from != null && !to.isAbove(from)) {
			throw new BadLine(f.name("toTier") + " " + to + " is not above fromTier " + from);
		}
		if (from != null) {
			facts.put("fromTier", from.name());
		}
		facts.put("toTier", to.name());
	}

	private static void decided(Fields f, Map<String, Object> facts) {
		Decision decision = f.enumValue("decision", Decision.class, true);
		ReturnReason reason = f.enumValue("reason", ReturnReason.class, decision == Decision.RETURNED);
		facts.put("decision", decision.name());
		if (reason != null) {
			facts.put("reason", reason.name());
		}
	}

	private static void optionalTier(Fields f, String field, Map<String, Object> facts) {
		Tier tier = f.enumValue(field, Tier.class, false);
		if (tier != null) {
			facts.put(field, tier.name());
		}
	}

	private static void requireActor(Fields f, String actor) {
		if (actor == null) {
			throw new BadLine(f.name("actor") + " is required");
		}
	}

	static String email(Fields f, String field, boolean required) {
		String text = f.text(field, 320, required);
		if (text == null) {
			return null;
		}
		String email = text.strip().toLowerCase();
		if (!EMAIL.matcher(email).matches()) {
			throw new BadLine(f.name(field) + " '" + text + "' is not an e-mail address");
		}
		return email;
	}
}
