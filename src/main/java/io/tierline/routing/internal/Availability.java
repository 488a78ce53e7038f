package io.tierline.routing.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.tierline.routing.AgentStatus;

/**
 * An agent's availability, capacity and working hours (issue 9: a simple status and hours; full
 * scheduling comes later). A shift ending before it starts runs over midnight; {@code workDays}
 * holds ISO day numbers, e.g. {@code 12345} for Monday to Friday (the day the shift starts).
 */
public record Availability(long userId, AgentStatus status, int capacity, ZoneId timeZone, LocalTime shiftStart, LocalTime shiftEnd,
		String workDays) {

	public static final int DEFAULT_CAPACITY = 20;

	/** Whether the agent is AVAILABLE and within their working hours at {@code at}. */
	public boolean onShift(Instant at) {
		if (status != AgentStatus.AVAILABLE) {
			return false;
		}
		ZonedDateTime local = at.atZone(timeZone);
		LocalTime time = local.toLocalTime();
		if (shiftStart.equals(shiftEnd)) {
			return works(local.getDayOfWeek()); // around the clock on working days
		}
		if (shiftStart.isBefore(shiftEnd)) {
			return works(local.getDayOfWeek()) && !time.isBefore(shiftStart) && time.isBefore(shiftEnd);
		}
		// over midnight: the evening part belongs to today, the early-morning part to yesterday's shift
		return (works(local.getDayOfWeek()) && !time.isBefore(shiftStart)) || (works(local.getDayOfWeek().minus(1)) && time.isBefore(shiftEnd));
	}

	private boolean works(DayOfWeek day) {
		return workDays.indexOf((char) ('0' + day.getValue())) >= 0;
	}
}
