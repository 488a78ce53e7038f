package io.tierline.sla.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.tierline.access.AccessManagement;
import io.tierline.common.Tier;
import io.tierline.sla.ClockKind;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketServiceLevel;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.TicketView;

import org.springframework.stereotype.Service;

/**
 * Starts, pauses, resumes and stops a ticket's clocks by the SPEC §4 rules, in the transaction of
 * the ticket change that caused it, and writes the timers that will fire their warning and breach.
 */
@Service
class ClockEngine {

	private final SlaClocks clocks;
	private final SlaTimers timers;
	private final SlaEventLog log;
	private final SlaPolicies policies;
	private final ClockCalendars calendars;
	private final TicketManagement tickets;
	private final TicketServiceLevel serviceLevel;
	private final AccessManagement access;

	ClockEngine(SlaClocks clocks, SlaTimers timers, SlaEventLog log, SlaPolicies policies, ClockCalendars calendars,
			TicketManagement tickets, TicketServiceLevel serviceLevel, AccessManagement access) {
		this.access = access;
		this.clocks = clocks;
		this.timers = timers;
		this.log = log;
		this.policies = policies;
		this.calendars = calendars;
		this.tickets = tickets;
		this.serviceLevel = serviceLevel;
	}

	/** The facts of a ticket a new clock takes its target from. */
	record TicketFacts(long ticketId, long clientId, Tier tier, Channel channel, Severity severity) {

		static TicketFacts of(TicketView t, long clientId) {
			return new TicketFacts(t.id(), clientId, t.tier(), t.channel(), t.severity());
		}
	}

	void ticketCreated(TicketFacts ticket, Instant at) {
		Change change = new Change(ticket.ticketId(), List.of());
		change.start(ticket, ClockKind.FIRST_RESPONSE, at);
		change.start(ticket, ClockKind.RESOLUTION, at);
		change.save(at);
	}

	/** Clocks for a ticket that existed before the engine (demo data): resolution, and first response if still owed. */
	void backfill(TicketFacts ticket, boolean firstResponseOwed, boolean pending, Instant startedAt, Instant now) {
		Change change = new Change(ticket.ticketId(), clocks.activeForUpdate(ticket.ticketId()));
		if (change.has(ClockKind.RESOLUTION)) {
			return;
		}
		if (firstResponseOwed) {
			change.start(ticket, ClockKind.FIRST_RESPONSE, startedAt);
		}
		change.start(ticket, ClockKind.RESOLUTION, startedAt);
		if (pending) {
			change.pauseAll(now);
		}
		change.save(now);
	}

	/** SPEC §4: only a substantive public reply stops first and next response (and T3's root-cause promise at T3). */
	void substantiveReply(long ticketId, Instant at) {
		Change change = load(ticketId);
		change.stop(ClockKind.FIRST_RESPONSE, at);
		change.stop(ClockKind.NEXT_RESPONSE, at);
		if (change.has(ClockKind.T3_ROOT_CAUSE) && facts(ticketId).map(f -> f.tier().compareTo(Tier.T3) >= 0).orElse(false)) {
			change.stop(ClockKind.T3_ROOT_CAUSE, at);
		}
		change.save(at);
	}

	/** The requester wrote: the next response is owed, unless a response clock already runs. */
	void requesterWrote(long ticketId, Instant at) {
		Change change = load(ticketId);
		if (!change.has(ClockKind.FIRST_RESPONSE) && !change.has(ClockKind.NEXT_RESPONSE)) {
			facts(ticketId).ifPresent(f -> change.start(f, ClockKind.NEXT_RESPONSE, at));
		}
		change.save(at);
	}

	void statusChanged(long ticketId, TicketStatus from, TicketStatus to, Instant at) {
		Change change = load(ticketId);
		if (to == TicketStatus.SOLVED || to == TicketStatus.CLOSED) {
			change.stopAll(at);
		}
		else if (to == TicketStatus.PENDING) {
			change.pauseAll(at);
		}
		else if (from == TicketStatus.PENDING) {
			change.resumeAll(at);
		}
		change.save(at);
	}

	/** SPEC §4: reopening restarts resolution, as a new clock. */
	void reopened(long ticketId, Instant at) {
		Change change = load(ticketId);
		if (!change.has(ClockKind.RESOLUTION)) {
			facts(ticketId).ifPresent(f -> change.start(f, ClockKind.RESOLUTION, at));
		}
		change.save(at);
	}

	/** SPEC §4: a T3 escalation starts T3 acknowledgement. */
	void escalated(long ticketId, Tier to, Instant at) {
		Change change = load(ticketId);
		if (to == Tier.T3 && !change.has(ClockKind.T3_ACKNOWLEDGEMENT)) {
			facts(ticketId).ifPresent(f -> change.start(f, ClockKind.T3_ACKNOWLEDGEMENT, at));
		}
		change.save(at);
	}

	/** T3 decided: acknowledgement stops; an acceptance starts the root-cause clock. */
	void escalationDecided(long ticketId, boolean accepted, Tier decidedAt, Instant at) {
		Change change = load(ticketId);
		change.stop(ClockKind.T3_ACKNOWLEDGEMENT, at);
		if (accepted && decidedAt == Tier.T3 && !change.has(ClockKind.T3_ROOT_CAUSE)) {
			facts(ticketId).ifPresent(f -> change.start(new TicketFacts(f.ticketId(), f.clientId(), Tier.T3, f.channel(), f.severity()),
					ClockKind.T3_ROOT_CAUSE, at));
		}
		change.save(at);
	}

	private Change load(long ticketId) {
		return new Change(ticketId, clocks.activeForUpdate(ticketId));
	}

	private Optional<TicketFacts> facts(long ticketId) {
		return tickets.find(ticketId).map(t -> TicketFacts.of(t, access.clientBySlug(t.client()).orElseThrow().id()));
	}

	/** The clocks of one ticket while one change is applied to them; {@link #save} writes what moved. */
	private final class Change {

		private final long ticketId;
		private final List<SlaClock> active;
		private final List<SlaClock> started = new ArrayList<>();
		private final List<SlaClock> moved = new ArrayList<>();
		private final List<SlaEventLog.Entry> outcomes = new ArrayList<>();
		private final TicketView.SlaDue shownBefore;

		Change(long ticketId, List<SlaClock> active) {
			this.ticketId = ticketId;
			this.active = new ArrayList<>(active);
			this.shownBefore = next(this.active);
		}

		boolean has(ClockKind kind) {
			return active.stream().anyMatch(c -> c.kind() == kind);
		}

		void start(TicketFacts t, ClockKind kind, Instant at) {
			policies.match(t.clientId(), kind, t.tier(), t.channel(), t.severity()).ifPresent(rule -> {
				SlaPolicies.Settings settings = policies.settings(t.clientId());
				Long calendarId = rule.businessTime() ? calendars.calendarFor(settings) : null;
				SlaClock clock = SlaClock.start(t.ticketId(), t.clientId(), kind, t.tier(), t.channel(), t.severity(), rule, calendarId,
						settings.warningPercent(), calendars.of(rule.businessTime(), calendarId), at);
				started.add(clock);
				active.add(clock);
			});
		}

		void stop(ClockKind kind, Instant at) {
			for (SlaClock c : List.copyOf(active)) {
				if (c.kind() == kind) {
					stop(c, at);
				}
			}
		}

		void stopAll(Instant at) {
			List.copyOf(active).forEach(c -> stop(c, at));
		}

		void pauseAll(Instant at) {
			active.forEach(c -> moved(c, () -> c.pause(calendars.of(c), at)));
		}

		void resumeAll(Instant at) {
			active.forEach(c -> moved(c, () -> c.resume(calendars.of(c), at)));
		}

		private void stop(SlaClock c, Instant at) {
			Instant due = c.dueAt();
			SlaClock.Outcome outcome = c.stop(calendars.of(c), at);
			if (outcome == SlaClock.Outcome.MET) {
				outcomes.add(new SlaEventLog.Entry(c, SlaEventLog.Type.MET, due, at));
			}
			else if (outcome == SlaClock.Outcome.BREACHED_AT_STOP) {
				outcomes.add(new SlaEventLog.Entry(c, SlaEventLog.Type.BREACHED, c.breachedAt(), at));
			}
			active.remove(c);
			if (!started.contains(c) && !moved.contains(c)) {
				moved.add(c);
			}
		}

		private void moved(SlaClock c, Runnable change) {
			change.run();
			if (c.scheduleChanged() && !started.contains(c) && !moved.contains(c)) {
				moved.add(c);
			}
		}

		void save(Instant at) {
			started.forEach(clocks::insert);
			clocks.update(moved);
			List<SlaClock> rescheduled = new ArrayList<>(started);
			rescheduled.addAll(moved);
			timers.reschedule(rescheduled, moved);
			log.append(outcomes);
			serviceLevel.record(outcomes.stream().filter(o -> o.type() == SlaEventLog.Type.BREACHED)
				.map(o -> SlaFacts.breachEvent(o.clock(), at)).toList());
			TicketView.SlaDue shown = next(active);
			if (!Objects.equals(shown, shownBefore)) {
				serviceLevel.showDue(ticketId, shown == null ? null : shown.clock(), shown == null ? null : shown.warnAt(),
						shown == null ? null : shown.dueAt());
			}
		}

		/** The running clock due first: what the queue shows and sorts by. */
		private TicketView.SlaDue next(List<SlaClock> candidates) {
			return candidates.stream()
				.filter(c -> c.state() == SlaClock.State.RUNNING && c.dueAt() != null)
				.min(java.util.Comparator.comparing(SlaClock::dueAt))
				.map(c -> new TicketView.SlaDue(c.kind().name(), c.warnAt(), c.dueAt()))
				.orElse(null);
		}
	}
}
