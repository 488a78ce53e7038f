package io.tierline.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client's working time (SPEC §4): a time zone, working intervals per weekday (several a day;
 * an interval whose end is not after its start runs past midnight into the next day) and
 * holidays (no interval starts on a holiday). Business time is counted in real elapsed time
 * inside the intervals, so a DST change inside an interval counts the hour that really passed.
 */
public final class BusinessCalendar {

	/** How far ahead a due time is looked for before the calendar is judged to have no working time. */
	private static final int HORIZON_DAYS = 3 * 366;

	/** One working interval of a weekday, in local time. */
	public record Interval(LocalTime start, LocalTime end) {

		public boolean crossesMidnight() {
			return !end.isAfter(start);
		}
	}

	private final ZoneId zone;
	private final Map<DayOfWeek, List<Interval>> week;
	private final Set<LocalDate> holidays;

	public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> holidays) {
		this.zone = zone;
		this.week = new EnumMap<>(DayOfWeek.class);
		week.forEach((day, intervals) -> this.week.put(day, List.copyOf(intervals)));
		this.holidays = Set.copyOf(holidays);
	}

	/** Around the clock: every instant is working time. */
	public static BusinessCalendar twentyFourSeven() {
		Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day, List.of(new Interval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
		}
		return new BusinessCalendar(ZoneId.of("UTC"), week, Set.of());
	}

	public ZoneId zone() {
		return zone;
	}

	public Map<DayOfWeek, List<Interval>> week() {
		return week;
	}

	public Set<LocalDate> holidays() {
		return holidays;
	}

	/**
	 * The instant at which {@code amount} of business time has passed since {@code start}. A
	 * positive amount always ends inside a working interval (or at its end); zero is {@code start}.
	 *
	 * @throws IllegalStateException when the calendar has no working time within three years
	 */
	public Instant plus(Instant start, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("a business duration is not negative: " + amount);
		}
		if (amount.isZero()) {
			return start;
		}
		Duration left = amount;
		// windows come in order of their start; the cursor keeps overlapping ones from counting twice
		Instant cursor = start;
		LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
		for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
			for (Instant[] window : windows(day)) {
				Instant from = max(window[0], cursor);
				if (!from.isBefore(window[1])) {
					continue;
				}
				Duration available = Duration.between(from, window[1]);
				if (available.compareTo(left) >= 0) {
					return from.plus(left);
				}
				left = left.minus(available);
				cursor = window[1];
			}
		}
		throw new IllegalStateException("The calendar has no working time in the next " + HORIZON_DAYS + " days");
	}

	/** Business time between two instants; zero when {@code end} is not after {@code start}. */
	public Duration between(Instant start, Instant end) {
		if (!end.isAfter(start)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		Instant cursor = start;
		LocalDate last = end.atZone(zone).toLocalDate();
		for (LocalDate day = start.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
			for (Instant[] window : windows(day)) {
				Instant from = max(window[0], cursor);
				Instant to = min(window[1], end);
				if (to.isAfter(from)) {
					total = total.plus(Duration.between(from, to));
					cursor = to;
				}
			}
		}
		return total;
	}

	/** Whether an instant lies in working time (an interval's end belongs to it, its start too). */
	public boolean isWorking(Instant instant) {
		LocalDate day = instant.atZone(zone).toLocalDate();
		for (LocalDate d = day.minusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
			for (Instant[] window : windows(d)) {
				if (!instant.isBefore(window[0]) && !instant.isAfter(window[1])) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The working windows that start on a day, as instants, in order. Local times that fall into
	 * a DST gap move forward (as {@link ZonedDateTime#of} does); windows of one day never overlap
	 * the next day's, because a window that crosses midnight ends at the next day's local time.
	 */
	private List<Instant[]> windows(LocalDate day) {
		List<Interval> intervals = week.getOrDefault(day.getDayOfWeek(), List.of());
		if (intervals.isEmpty() || holidays.contains(day)) {
			return List.of();
		}
		List<Instant[]> windows = new ArrayList<>(intervals.size());
		for (Interval interval : intervals) {
			Instant from = ZonedDateTime.of(day, interval.start(), zone).toInstant();
			LocalDate endDay = interval.crossesMidnight() ? day.plusDays(1) : day;
			Instant to = ZonedDateTime.of(endDay, interval.end(), zone).toInstant();
			if (to.isAfter(from)) {
				windows.add(new Instant[] { from, to });
			}
		}
		windows.sort((a, b) -> a[0].compareTo(b[0]));
		return windows;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
