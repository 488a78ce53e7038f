package io.tierline.routing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.routing.RoutingStrategy;
import io.tierline.ticket.TicketManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks an agent for a ticket by its queue's strategy and assigns them (issue 9). Fair under
 * concurrency: an agent is given a ticket only after their availability row is locked and their
 * load re-read, so two tickets at once on two nodes never overfill one agent.
 */
@Service
public class Router {

	/** What was decided: the agent and the reason recorded on the ASSIGNED event. */
	public record Decision(long agentId, String email, String reason) {
	}

	private final Candidates candidates;
	private final Agents agents;
	private final QueueSettings queues;
	private final TicketManagement tickets;
	private final DecisionTimes times;
	private final Clock clock;

	Router(Candidates candidates, Agents agents, QueueSettings queues, TicketManagement tickets, DecisionTimes times, Clock clock) {
		this.candidates = candidates;
		this.agents = agents;
		this.queues = queues;
		this.tickets = tickets;
		this.times = times;
		this.clock = clock;
	}

	/** A ticket just opened (or moved into a routed queue): assign it if it is unassigned and its queue is routed. */
	@Transactional
	public Optional<Decision> routeNew(long ticketId) {
		long started = System.nanoTime();
		RoutedTicket ticket = candidates.ticket(ticketId).orElse(null);
		if (ticket == null || ticket.assigneeId() != null || !ticket.active() || ticket.queueId() == null) {
			return Optional.empty();
		}
		QueueRouting queue = queues.find(ticket.queueId()).filter(QueueRouting::routed).orElse(null);
		if (queue == null) {
			return Optional.empty();
		}
		Optional<Decision> decision = pick(ticket, queue, null, null);
		long decided = System.nanoTime();
		decision.ifPresent(d -> tickets.assignAutomatically(ticketId, d.agentId(), because(queue, d.reason())));
		// what routing adds to a creation: the pick, then the assignment with its event and audit entry
		times.record(decided - started, System.nanoTime() - started);
		return decision;
	}

	/**
	 * Gives an assigned ticket to somebody else ({@code why}: "SLA breach (FIRST_RESPONSE)", "agent
	 * away"), never to {@code excluded}. With nobody else available the ticket is unassigned when
	 * {@code unassignIfNobody} (its agent is gone), otherwise left with its agent.
	 */
	@Transactional
	public Optional<Decision> reassign(long ticketId, Long excluded, String why, boolean unassignIfNobody) {
		RoutedTicket ticket = candidates.ticket(ticketId).orElse(null);
		if (ticket == null || !ticket.active() || ticket.queueId() == null) {
			return Optional.empty();
		}
		QueueRouting queue = queues.find(ticket.queueId()).filter(QueueRouting::routed).orElse(null);
		if (queue == null) {
			return Optional.empty();
		}
		Optional<Decision> decision = pick(ticket, queue, excluded, why);
		if (decision.isPresent()) {
			tickets.assignAutomatically(ticketId, decision.get().agentId(), because(queue, decision.get().reason()));
		}
		else if (unassignIfNobody && ticket.assigneeId() != null) {
			tickets.assignAutomatically(ticketId, null, because(queue, why + "; nobody else available, back in the queue"));
		}
		return decision;
	}

	private Optional<Decision> pick(RoutedTicket ticket, QueueRouting queue, Long excluded, String why) {
		Instant now = clock.instant();
		List<Candidate> eligible = candidates.of(ticket, excluded, now, queue.strategy());
		int weight = Agents.weight(ticket.severity());
		String prefix = why == null ? "" : why + "; ";
		return switch (queue.strategy()) {
			case MANUAL -> Optional.empty();
			case ROUND_ROBIN -> roundRobin(queue, eligible, weight, prefix);
			case LEAST_LOADED -> firstWithRoom(leastLoadedFirst(eligible), weight, c -> prefix + "least loaded");
			case SKILLS -> bySkills(ticket, eligible, weight, prefix);
		};
	}

	/** The next agent after the one picked last, in a fixed order; the queue's row is locked while picking. */
	private Optional<Decision> roundRobin(QueueRouting queue, List<Candidate> eligible, int weight, String prefix) {
		Long last = queues.lockCursor(queue.queueId());
		List<Candidate> order = new ArrayList<>(eligible);
		int start = 0;
		while (last != null && start < order.size() && order.get(start).userId() <= last) {
			start++;
		}
		List<Candidate> rotated = new ArrayList<>(order.subList(start, order.size()));
		rotated.addAll(order.subList(0, start));
		Optional<Decision> decision = firstWithRoom(rotated, weight, c -> prefix + "round robin");
		decision.ifPresent(d -> queues.moveCursor(queue.queueId(), d.agentId()));
		return decision;
	}

	private static List<Candidate> leastLoadedFirst(List<Candidate> eligible) {
		return eligible.stream()
			.sorted(Comparator.comparingDouble(Candidate::utilisation).thenComparingInt(Candidate::load).thenComparingLong(Candidate::userId))
			.toList();
	}

	/** The best skill match first; load breaks ties; agents with no matching skill come last. */
	private Optional<Decision> bySkills(RoutedTicket facts, List<Candidate> eligible, int weight, String prefix) {
		RoutedTicket ticket = candidates.withTags(facts);
		Map<Long, SkillMatch> matches = new LinkedHashMap<>();
		Map<Long, List<Skill>> poolSkills = candidates.skills(facts);
		eligible.stream().filter(c -> poolSkills.containsKey(c.userId())).forEach(c -> matches.put(c.userId(),
				SkillMatch.of(ticket, poolSkills.get(c.userId()).stream()
				.sorted(Comparator.comparingInt((Skill s) -> SkillMatch.order(s.kind())).thenComparing(Skill::skill)).toList())));
		SkillMatch none = new SkillMatch(0, List.of());
		List<Candidate> ranked = leastLoadedFirst(eligible).stream()
			.sorted(Comparator.comparingInt((Candidate c) -> -matches.getOrDefault(c.userId(), none).score()))
			.toList();
		return firstWithRoom(ranked, weight, c -> {
			SkillMatch m = matches.getOrDefault(c.userId(), none);
			return prefix + (m.score() == 0 ? "least loaded (no skill match)" : "skill match: " + String.join(", ", m.matched()));
		});
	}

	/**
	 * Tries the agents in order: locks the agent's row (skipping one another transaction holds),
	 * re-reads their load as committed, and takes the first with room for the ticket's weight.
	 */
	private Optional<Decision> firstWithRoom(List<Candidate> ordered, int weight, java.util.function.Function<Candidate, String> reason) {
		for (Candidate c : ordered) {
			if (c.room() < weight) {
				continue; // full when read; a lock would not make room
			}
			Optional<Integer> capacity = agents.lockIfFree(c.userId());
			if (capacity.isPresent() && agents.load(c.userId()) + weight <= capacity.get()) {
				return Optional.of(new Decision(c.userId(), c.email(), reason.apply(c)));
			}
		}
		return Optional.empty();
	}

	private static Map<String, Object> because(QueueRouting queue, String reason) {
		return Map.of("reason", reason, "strategy", queue.strategy().name());
	}

	/** Whether tickets of this queue are routed automatically. */
	boolean routed(Long queueId) {
		return queueId != null && queues.find(queueId).map(QueueRouting::routed).orElse(false);
	}

	RoutingStrategy strategyOf(long queueId) {
		return queues.find(queueId).map(QueueRouting::strategy).orElse(RoutingStrategy.MANUAL);
	}
}
