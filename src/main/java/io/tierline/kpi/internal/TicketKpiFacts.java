package io.tierline.kpi.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.tierline.common.Tier;

/**
 * The KPI facts of one ticket, replayed from its whole history in order (SPEC §7). Each fact is
 * the moment it happened, so queries decide with {@code asOf} what had happened by then.
 */
final class TicketKpiFacts {

	final TicketRow ticket;
	Tier createdTier = Tier.T1;
	Instant firstSolvedAt;
	Tier resolutionTier;
	Long solverId;
	String assigneeAtSolve;
	Instant firstEscalatedAt;
	Instant reopenedAt;
	Instant knowledgeAt;
	/** SPEC §7 time to complete diagnostic documentation: first arrival at T2 to the complete escalation into T3. */
	Long diagnosticSeconds;
	final Map<Tier, Instant> arrived = new EnumMap<>(Tier.class);
	final Map<Tier, Instant> escalatedOut = new EnumMap<>(Tier.class);
	final List<Item> items = new ArrayList<>();
	int eventCount;

	private Tier tier;
	private Instant arrivedAtTier;
	private String assignee;
	private Item open;
	private Item diagnosticFrom;

	// a row of kpi_items; V15__kpi.sql says what each kind keeps in which column
	static final class Item {
		final String kind;
		Tier tier;
		Tier toTier;
		Instant startedAt;
		Instant at;
		String decision;
		Instant decidedAt;
		Long amount;

		Item(String kind) {
			this.kind = kind;
		}
	}

	private TicketKpiFacts(TicketRow ticket) {
		this.ticket = ticket;
	}

	static TicketKpiFacts replay(TicketRow ticket, List<HistoryEvent> events) {
		var facts = new TicketKpiFacts(ticket);
		facts.start(events.stream().filter(e -> e.type().equals("CREATED")).findFirst().map(e -> e.text("tier")).orElse(null));
		events.forEach(facts::apply);
		facts.eventCount = events.size();
		return facts;
	}

	private void start(String tierName) {
		createdTier = tierName == null ? Tier.T1 : Tier.valueOf(tierName);
		arriveAt(createdTier, ticket.createdAt());
		openAt(ticket.createdAt());
	}

	private void apply(HistoryEvent e) {
		switch (e.type()) {
			case "ASSIGNED" -> assignee = e.text("assignee");
			case "ESCALATED" -> escalated(e);
			case "ESCALATION_DECIDED" -> decided(e);
			case "STATUS" -> status(e);
			case "REOPENED" -> reopened(e.at());
			case "CSAT" -> csat(e);
			case "TIME_LOGGED" -> item("TIME", tierOr(e.text("tier"), tier), e.at(), e.number("minutes"));
			case "KNOWLEDGE_LINKED" -> knowledgeLinked(e);
			default -> { }
		}
	}

	private void escalated(HistoryEvent e) {
		Tier from = tierOr(e.text("fromTier"), tier);
		Tier to = tierOr(e.text("toTier"), null);
		if (to == null) {
			return;
		}
		var escalation = new Item("ESCALATION");
		escalation.tier = from;
		escalation.toTier = to;
		escalation.startedAt = arrivedAtTier;
		escalation.at = e.at();
		escalation.amount = Duration.between(arrivedAtTier, e.at()).toSeconds();
		items.add(escalation);
		if (firstEscalatedAt == null) {
			firstEscalatedAt = e.at();
		}
		escalatedOut.putIfAbsent(from, e.at());
		if (to == Tier.T3 && diagnosticSeconds == null && arrived.containsKey(Tier.T2)) {
			diagnosticSeconds = Duration.between(arrived.get(Tier.T2), e.at()).toSeconds();
			diagnosticFrom = escalation;
		}
		arriveAt(to, e.at());
	}

	/** SPEC §3: the receiving tier accepts or returns; a return puts the ticket back at the tier that escalated. */
	private void decided(HistoryEvent e) {
		Item escalation = lastUndecidedEscalation();
		String decision = e.text("decision");
		if (escalation != null) {
			escalation.decision = decision;
			escalation.decidedAt = e.at();
			// returned for missing information: the template was not complete, the clock goes on
			if (escalation == diagnosticFrom && "RETURNED".equals(decision) && "MISSING_INFORMATION".equals(e.text("reason"))) {
				diagnosticSeconds = null;
				diagnosticFrom = null;
			}
		}
		if ("RETURNED".equals(decision)) {
			Tier back = tierOr(e.text("toTier"), escalation == null ? null : escalation.tier);
			if (back != null) {
				arriveAt(back, e.at());
			}
		}
	}

	private Item lastUndecidedEscalation() {
		for (int i = items.size() - 1; i >= 0; i--) {
			Item item = items.get(i);
			if (item.kind.equals("ESCALATION")) {
				return item.decision == null && item.toTier == tier ? item : null;
			}
		}
		return null;
	}

	private void status(HistoryEvent e) {
		String status = e.text("status");
		if ("SOLVED".equals(status) || "CLOSED".equals(status)) {
			if ("SOLVED".equals(status) && firstSolvedAt == null) {
				firstSolvedAt = e.at();
				resolutionTier = tier;
				solverId = e.actorId();
				assigneeAtSolve = assignee;
			}
			closeAt(e.at());
		}
		else if (open == null && status != null) {
			openAt(e.at());
		}
	}

	private void reopened(Instant at) {
		if (firstSolvedAt != null && reopenedAt == null) {
			reopenedAt = at;
		}
		if (open == null) {
			openAt(at);
		}
	}

	private void knowledgeLinked(HistoryEvent e) {
		String action = e.text("action");
		boolean contributes = action == null || action.equals("CREATED") || action.equals("UPDATED");
		if (contributes && knowledgeAt == null) {
			knowledgeAt = e.at();
		}
	}

	/**
	 * A changed survey answer (issue 9: changeable within the survey window) replaces the score of
	 * the last one and keeps its time, so the answer counts once, from when it was first given.
	 */
	private void csat(HistoryEvent e) {
		if (e.data().path("changed").asBoolean(false)) {
			for (int i = items.size() - 1; i >= 0; i--) {
				if (items.get(i).kind.equals("CSAT")) {
					items.get(i).amount = e.number("score");
					return;
				}
			}
		}
		item("CSAT", null, e.at(), e.number("score"));
	}

	private void item(String kind, Tier at, Instant when, long amount) {
		var item = new Item(kind);
		item.tier = at;
		item.at = when;
		item.amount = amount;
		items.add(item);
	}

	private void arriveAt(Tier to, Instant at) {
		tier = to;
		arrivedAtTier = at;
		arrived.putIfAbsent(to, at);
	}

	private void openAt(Instant at) {
		open = new Item("OPEN");
		open.startedAt = at;
		open.amount = ticket.createdAt().getEpochSecond();
		items.add(open);
	}

	private void closeAt(Instant at) {
		if (open != null) {
			open.at = at;
			open = null;
		}
	}

	private static Tier tierOr(String name, Tier fallback) {
		try {
			return name == null ? fallback : Tier.valueOf(name);
		}
		catch (IllegalArgumentException e) {
			return fallback;
		}
	}
}
