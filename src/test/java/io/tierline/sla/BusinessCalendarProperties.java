package io.tierline.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.sla.BusinessCalendar.Interval;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §4 business time, by properties over random calendars (zones with DST, several intervals
 * a day, night shifts across midnight, holidays), start instants and durations.
 */
class BusinessCalendarProperties {

	static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
			ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneId.of("America/Sao_Paulo"));

	@Property(tries = 300)
	void addingThenMeasuringRoundTrips(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
			@ForAll("durations") Duration amount) {
		Instant due = calendar.plus(start, amount);
		assertThat(calendar.between(start, due)).isEqualTo(amount);
	}

	@Property(tries = 300)
	void dueTimesNeverFallOutsideWorkingHours(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
			@ForAll("durations") Duration amount) {
		assertThat(calendar.isWorking(calendar.plus(start, amount))).isTrue();
	}

	@Property(tries = 300)
	void moreTimeNeverEndsEarlier(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
			@ForAll("durations") Duration a, @ForAll("durations") Duration b) {
		Duration shorter = a.compareTo(b) <= 0 ? a : b;
		Duration longer = a.compareTo(b) <= 0 ? b : a;
		assertThat(calendar.plus(start, longer)).isAfterOrEqualTo(calendar.plus(start, shorter));
	}

	/**
	 * A clock paused at {@code pauseAfter} for {@code pause} of wall time, then resumed with the
	 * business time it had left: its deadline is never earlier than without the pause.
	 */
	@Property(tries = 300)
	void pausingNeverMovesADeadlineEarlier(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
			@ForAll("durations") Duration target, @ForAll("wallTimes") Duration pauseAfter, @ForAll("wallTimes") Duration pause) {
		Instant due = calendar.plus(start, target);
		Instant pausedAt = start.plus(pauseAfter);
		if (!pausedAt.isBefore(due)) {
			return;
		}
		Duration left = target.minus(calendar.between(start, pausedAt));
		Instant resumed = pausedAt.plus(pause);
		assertThat(calendar.plus(resumed, left)).isAfterOrEqualTo(due);
	}

	@Property(tries = 200)
	void businessTimeAddsUpOverConsecutiveSpans(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
			@ForAll("wallTimes") Duration first, @ForAll("wallTimes") Duration second) {
		Instant b = a.plus(first);
		Instant c = b.plus(second);
		assertThat(calendar.between(a, b).plus(calendar.between(b, c))).isEqualTo(calendar.between(a, c));
		assertThat(calendar.between(a, c)).isLessThanOrEqualTo(Duration.between(a, c));
	}

	@Provide
	Arbitrary<BusinessCalendar> calendars() {
		Arbitrary<LocalTime> quarterHours = Arbitraries.integers().between(0, 95).map(q -> LocalTime.of(q / 4, (q % 4) * 15));
		Arbitrary<Interval> intervals = Combinators.combine(quarterHours, quarterHours).as(Interval::new)
			.filter(i -> !i.start().equals(i.end()) || i.start().equals(LocalTime.MIDNIGHT));
		Arbitrary<List<Interval>> day = intervals.list().ofMinSize(0).ofMaxSize(3);
		Arbitrary<Map<DayOfWeek, List<Interval>>> week = day.list().ofSize(7).map(days -> {
			Map<DayOfWeek, List<Interval>> w = new EnumMap<>(DayOfWeek.class);
			for (int i = 0; i < 7; i++) {
				w.put(DayOfWeek.of(i + 1), days.get(i));
			}
			return w;
		}).filter(w -> w.values().stream().anyMatch(l -> !l.isEmpty()));
		Arbitrary<Set<LocalDate>> holidays = Arbitraries.integers().between(0, 800)
			.map(d -> LocalDate.of(2026, 1, 1).plusDays(d)).set().ofMaxSize(40);
		return Combinators.combine(Arbitraries.of(ZONES), week, holidays).as(BusinessCalendar::new);
	}

	@Provide
	Arbitrary<Instant> instants() {
		// 2026–2027, across both DST changes of every zone, to the second
		return Arbitraries.longs().between(0, 2L * 365 * 24 * 3600)
			.map(s -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(s));
	}

	@Provide
	Arbitrary<Duration> durations() {
		return Arbitraries.longs().between(1, 40L * 3600).map(Duration::ofSeconds);
	}

	@Provide
	Arbitrary<Duration> wallTimes() {
		return Arbitraries.longs().between(0, 10L * 24 * 3600).map(Duration::ofSeconds);
	}

}
