package io.tierline.sla.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tierline.sla.SlaEvents.SlaBreached;
import io.tierline.sla.SlaEvents.SlaBreaches;
import io.tierline.sla.SlaEvents.SlaWarned;
import io.tierline.ticket.TicketServiceLevel;
import io.tierline.ticket.TicketServiceLevel.SystemEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires due timers. Any number of nodes may run it at once: a round locks the clocks it fires
 * (SKIP LOCKED, so nodes share the work instead of waiting), reads their due timers only after the
 * lock, records each warning and breach and deletes the timer in the same transaction. A timer
 * therefore fires once, and a crash before the commit leaves it to fire on the next round.
 */
@Service
class SlaTimerProcessor {

	private final SlaClocks clocks;
	private final SlaTimers timers;
	private final SlaEventLog log;
	private final TicketServiceLevel serviceLevel;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SlaTimerProcessor(SlaClocks clocks, SlaTimers timers, SlaEventLog log, TicketServiceLevel serviceLevel,
			ApplicationEventPublisher events, Clock clock) {
		this.clocks = clocks;
		this.timers = timers;
		this.log = log;
		this.serviceLevel = serviceLevel;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One round of warnings and breaches over at most {@code limit} clocks; returns how many clocks
	 * it locked and fired (a full round means more may be due; clocks another node holds are skipped).
	 */
	@Transactional
	public int fireDue(int limit) {
		Instant now = clock.instant();
		List<Long> due = timers.clocksDue(now, limit, false).stream().distinct().toList();
		Map<Long, SlaClock> locked = clocks.lockFree(due).stream().collect(Collectors.toMap(SlaClock::id, Function.identity()));
		List<SlaTimers.Timer> fired = timers.dueOf(List.copyOf(locked.keySet()), now, false);
		Round round = new Round(now);
		for (SlaTimers.Timer t : fired) {
			round.fire(locked.get(t.clockId()), t);
		}
		timers.delete(fired);
		clocks.update(round.changed);
		timers.insertActions(round.needActions, now);
		log.append(round.log);
		serviceLevel.record(round.ticketEvents);
		round.warnings.forEach(events::publishEvent);
		round.breachesByClient().forEach((client, breaches) -> events.publishEvent(new SlaBreaches(client, breaches)));
		return locked.size();
	}

	/** Breach actions that change a ticket, one ticket per transaction so one conflict does not hold up the rest. */
	@Transactional
	public boolean runOneAction() {
		Instant now = clock.instant();
		List<Long> due = timers.clocksDue(now, 20, true);
		for (SlaClock c : clocks.lockFree(due.stream().distinct().toList())) {
			List<SlaTimers.Timer> actions = timers.dueOf(List.of(c.id()), now, true);
			if (actions.isEmpty()) {
				continue;
			}
			BreachActions a = c.actions();
			serviceLevel.breachActions(c.ticketId(), a.raiseSeverity(), a.reassignQueueId(),
					Map.of("reason", "SLA breach", "clock", c.kind().name()));
			timers.delete(actions);
			return true;
		}
		return false;
	}

	private static final class Round {

		private final Instant now;
		private final List<SlaClock> changed = new ArrayList<>();
		private final List<SlaClock> needActions = new ArrayList<>();
		private final List<SlaEventLog.Entry> log = new ArrayList<>();
		private final List<SystemEvent> ticketEvents = new ArrayList<>();
		private final List<SlaWarned> warnings = new ArrayList<>();
		private final List<SlaBreached> breaches = new ArrayList<>();

		Round(Instant now) {
			this.now = now;
		}

		void fire(SlaClock c, SlaTimers.Timer t) {
			if (c.state() != SlaClock.State.RUNNING) {
				return; // pausing and stopping delete timers; an older row for a clock that moved on is dropped
			}
			if (t.kind() == SlaTimers.Kind.WARNING && !c.warned()) {
				c.markWarned();
				log.add(new SlaEventLog.Entry(c, SlaEventLog.Type.WARNING, c.dueAt(), now));
				ticketEvents.add(SlaFacts.warningEvent(c, now));
				warnings.add(new SlaWarned(c.ticketId(), c.clientId(), c.kind(), c.tier(), c.dueAt(), now));
				changedOnce(c);
			}
			else if (t.kind() == SlaTimers.Kind.BREACH && !c.breached()) {
				c.markBreached(t.dueAt());
				log.add(new SlaEventLog.Entry(c, SlaEventLog.Type.BREACHED, t.dueAt(), now));
				ticketEvents.add(SlaFacts.breachEvent(c, now));
				breaches.add(new SlaBreached(c.ticketId(), c.clientId(), c.kind(), c.tier(), t.dueAt(), c.actions().notifyLead(), now));
				if (c.actions().changesTicket()) {
					needActions.add(c);
				}
				changedOnce(c);
			}
		}

		private void changedOnce(SlaClock c) {
			if (!changed.contains(c)) {
				changed.add(c);
			}
		}

		Map<Long, List<SlaBreached>> breachesByClient() {
			return breaches.stream().collect(Collectors.groupingBy(SlaBreached::clientId, LinkedHashMap::new, Collectors.toList()));
		}
	}
}
