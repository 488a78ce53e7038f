package io.tierline.sla.internal;

import java.time.Duration;
import java.time.Instant;

import io.tierline.common.Tier;
import io.tierline.sla.BusinessCalendar;
import io.tierline.sla.ClockKind;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;

/**
 * One SLA clock of a ticket (SPEC §4). It guards its own transitions: only a running clock pauses,
 * only a paused one resumes, a stopped one never moves again. Elapsed time is business time in
 * the clock's calendar (or real time for a 24×7 target).
 */
final class SlaClock {

	enum State {
		RUNNING, PAUSED, STOPPED
	}

	/** How a stopped clock ended; a breach its timer had not yet fired is recorded at the stop. */
	enum Outcome {
		MET, BREACHED_EARLIER, BREACHED_AT_STOP
	}

	private Long id;
	private final long ticketId;
	private final long clientId;
	private final ClockKind kind;
	private final Tier tier;
	private final Channel channel;
	private final Severity severity;
	private final Duration target;
	private final boolean businessTime;
	private final Long calendarId;
	private final int warningPercent;
	private final BreachActions actions;
	private final Instant startedAt;
	private State state;
	private boolean warned;
	private boolean breached;
	private Duration elapsed;
	private Instant segmentStartedAt;
	private Instant warnAt;
	private Instant dueAt;
	private Instant breachedAt;
	private Instant stoppedAt;
	private boolean scheduleChanged;

	SlaClock(Long id, long ticketId, long clientId, ClockKind kind, Tier tier, Channel channel, Severity severity, Duration target,
			boolean businessTime, Long calendarId, int warningPercent, BreachActions actions, Instant startedAt, State state,
			boolean warned, boolean breached, Duration elapsed, Instant segmentStartedAt, Instant warnAt, Instant dueAt,
			Instant breachedAt, Instant stoppedAt) {
		this.id = id;
		this.ticketId = ticketId;
		this.clientId = clientId;
		this.kind = kind;
		this.tier = tier;
		this.channel = channel;
		this.severity = severity;
		this.target = target;
		this.businessTime = businessTime;
		this.calendarId = calendarId;
		this.warningPercent = warningPercent;
		this.actions = actions;
		this.startedAt = startedAt;
		this.state = state;
		this.warned = warned;
		this.breached = breached;
		this.elapsed = elapsed;
		this.segmentStartedAt = segmentStartedAt;
		this.warnAt = warnAt;
		this.dueAt = dueAt;
		this.breachedAt = breachedAt;
		this.stoppedAt = stoppedAt;
	}

	/** A new running clock with the policy's target, copied so later policy changes leave it alone. */
	static SlaClock start(long ticketId, long clientId, ClockKind kind, Tier tier, Channel channel, Severity severity,
			PolicyRule rule, Long calendarId, int warningPercent, BusinessCalendar calendar, Instant at) {
		SlaClock clock = new SlaClock(null, ticketId, clientId, kind, tier, channel, severity, rule.target(), rule.businessTime(),
				rule.businessTime() ? calendarId : null, warningPercent, rule.actions(), at, State.RUNNING, false, false,
				Duration.ZERO, at, null, null, null, null);
		clock.schedule(calendar);
		return clock;
	}

	void pause(BusinessCalendar calendar, Instant at) {
		if (state != State.RUNNING) {
			return;
		}
		elapsed = elapsedAt(calendar, at);
		segmentStartedAt = null;
		warnAt = null;
		dueAt = breached ? dueAt : null;
		state = State.PAUSED;
		scheduleChanged = true;
	}

	void resume(BusinessCalendar calendar, Instant at) {
		if (state != State.PAUSED) {
			return;
		}
		state = State.RUNNING;
		segmentStartedAt = at;
		schedule(calendar);
	}

	/** Stops the clock; a clock stopped past its due instant before its timer fired is breached all the same. */
	Outcome stop(BusinessCalendar calendar, Instant at) {
		if (state == State.STOPPED) {
			throw new IllegalStateException("clock " + id + " is already stopped");
		}
		elapsed = elapsedAt(calendar, at);
		state = State.STOPPED;
		segmentStartedAt = null;
		warnAt = null;
		stoppedAt = at;
		scheduleChanged = true;
		if (breached) {
			return Outcome.BREACHED_EARLIER;
		}
		if (elapsed.compareTo(target) > 0) {
			breached = true;
			breachedAt = dueAt != null ? dueAt : at;
			return Outcome.BREACHED_AT_STOP;
		}
		return Outcome.MET;
	}

	/** The warning timer fired. */
	void markWarned() {
		warned = true;
		warnAt = null;
	}

	/** The breach timer fired at {@code due}. */
	void markBreached(Instant due) {
		breached = true;
		warned = true;
		breachedAt = due;
		warnAt = null;
	}

	Duration elapsedAt(BusinessCalendar calendar, Instant at) {
		return state == State.RUNNING && segmentStartedAt != null ? elapsed.plus(calendar.between(segmentStartedAt, at)) : elapsed;
	}

	/** Due and warning instants of a running clock, counted from the start of its current segment. */
	private void schedule(BusinessCalendar calendar) {
		scheduleChanged = true;
		if (breached) {
			warnAt = null;
			return;
		}
		dueAt = calendar.plus(segmentStartedAt, target.minus(elapsed).isNegative() ? Duration.ZERO : target.minus(elapsed));
		Duration warning = target.multipliedBy(warningPercent).dividedBy(100);
		warnAt = warned ? null : calendar.plus(segmentStartedAt, warning.minus(elapsed).isNegative() ? Duration.ZERO : warning.minus(elapsed));
	}

	/** What the API and pages show: RUNNING, PAUSED, MET or BREACHED. */
	String displayState() {
		if (breached) {
			return "BREACHED";
		}
		return state == State.STOPPED ? "MET" : state.name();
	}

	boolean scheduleChanged() {
		return scheduleChanged;
	}

	void scheduleSaved() {
		scheduleChanged = false;
	}

	void assignId(long id) {
		this.id = id;
	}

	Long id() { return id; }
	long ticketId() { return ticketId; }
	long clientId() { return clientId; }
	ClockKind kind() { return kind; }
	Tier tier() { return tier; }
	Channel channel() { return channel; }
	Severity severity() { return severity; }
	Duration target() { return target; }
	boolean businessTime() { return businessTime; }
	Long calendarId() { return calendarId; }
	int warningPercent() { return warningPercent; }
	BreachActions actions() { return actions; }
	Instant startedAt() { return startedAt; }
	State state() { return state; }
	boolean warned() { return warned; }
	boolean breached() { return breached; }
	Duration elapsed() { return elapsed; }
	Instant segmentStartedAt() { return segmentStartedAt; }
	Instant warnAt() { return warnAt; }
	Instant dueAt() { return dueAt; }
	Instant breachedAt() { return breachedAt; }
	Instant stoppedAt() { return stoppedAt; }
}
