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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business-time arithmetic by hand-computed examples: weekends, holidays, DST, night shifts, overlaps. */
class BusinessCalendarTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Mon–Fri 09:00–12:00 and 13:00–17:00 in Berlin; 2026-12-25 is a holiday. */
	static BusinessCalendar office() {
		Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
			week.put(d, List.of(new Interval(LocalTime.of(9, 0), LocalTime.of(12, 0)), new Interval(LocalTime.of(13, 0), LocalTime.of(17, 0))));
		}
		return new BusinessCalendar(BERLIN, week, Set.of(LocalDate.of(2026, 12, 25)));
	}

	static Instant berlin(String localDateTime) {
		return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	@Test
	void addsWithinADayAndSkipsTheLunchBreak() {
		assertThat(office().plus(berlin("2026-11-23T10:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-23T15:00"));
	}

	@Test
	void startingOutsideWorkingHoursWaitsForTheNextInterval() {
		assertThat(office().plus(berlin("2026-11-23T07:30"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-11-23T09:30"));
		assertThat(office().plus(berlin("2026-11-23T12:20"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-11-23T13:30"));
	}

	@Test
	void skipsTheWeekend() {
		// Friday 16:00 + 4 h: 1 h on Friday, 3 h on Monday morning
		assertThat(office().plus(berlin("2026-11-27T16:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-30T12:00"));
		assertThat(office().between(berlin("2026-11-27T16:00"), berlin("2026-11-30T12:00"))).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void skipsHolidays() {
		// Thursday 2026-12-24 16:00 + 2 h: Friday 25th is a holiday, so Monday 28th 10:00
		assertThat(office().plus(berlin("2026-12-24T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-28T10:00"));
	}

	@Test
	void fiveBusinessDaysAreAWeek() {
		assertThat(office().plus(berlin("2026-11-23T09:00"), Duration.ofHours(35))).isEqualTo(berlin("2026-11-27T17:00"));
	}

	@Test
	void anIntervalAcrossTheDstChangeCountsTheHoursThatReallyPass() {
		// a night desk 22:00–06:00 every day; on 2026-03-29 Berlin springs forward at 02:00 (the night has 7 hours)
		Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : DayOfWeek.values()) {
			week.put(d, List.of(new Interval(LocalTime.of(22, 0), LocalTime.of(6, 0))));
		}
		var nights = new BusinessCalendar(BERLIN, week, Set.of());
		assertThat(nights.between(berlin("2026-03-28T22:00"), berlin("2026-03-29T06:00"))).isEqualTo(Duration.ofHours(7));
		assertThat(nights.between(berlin("2026-10-24T22:00"), berlin("2026-10-25T06:00"))).isEqualTo(Duration.ofHours(9));
		// 7 h from Saturday 22:00 ends at Sunday 06:00 local, not 05:00
		assertThat(nights.plus(berlin("2026-03-28T22:00"), Duration.ofHours(7))).isEqualTo(berlin("2026-03-29T06:00"));
		// one more hour runs into the next night
		assertThat(nights.plus(berlin("2026-03-28T22:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-03-29T23:00"));
	}

	@Test
	void aNightShiftCrossingMidnightBelongsToTheDayItStarts() {
		Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
		week.put(DayOfWeek.FRIDAY, List.of(new Interval(LocalTime.of(20, 0), LocalTime.of(2, 0))));
		var fridayNights = new BusinessCalendar(BERLIN, week, Set.of());
		// Saturday 01:00 is still Friday's shift
		assertThat(fridayNights.isWorking(berlin("2026-11-28T01:00"))).isTrue();
		assertThat(fridayNights.plus(berlin("2026-11-28T01:00"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-11-28T01:30"));
		assertThat(fridayNights.plus(berlin("2026-11-28T01:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-04T21:00"));
	}

	@Test
	void overlappingIntervalsCountOnce() {
		Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : DayOfWeek.values()) {
			week.put(d, List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(12, 0)), new Interval(LocalTime.of(10, 0), LocalTime.of(14, 0))));
		}
		var overlapping = new BusinessCalendar(BERLIN, week, Set.of());
		assertThat(overlapping.between(berlin("2026-11-23T00:00"), berlin("2026-11-24T00:00"))).isEqualTo(Duration.ofHours(6));
		assertThat(overlapping.plus(berlin("2026-11-23T08:00"), Duration.ofHours(6))).isEqualTo(berlin("2026-11-23T14:00"));
	}

	@Test
	void twentyFourSevenIsPlainTime() {
		Instant start = Instant.parse("2026-03-29T00:30:00Z");
		assertThat(BusinessCalendar.twentyFourSeven().plus(start, Duration.ofMinutes(15))).isEqualTo(start.plusSeconds(900));
		assertThat(BusinessCalendar.twentyFourSeven().between(start, start.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofDays(3));
	}

	@Test
	void aCalendarWithoutWorkingTimeSaysSo() {
		var never = new BusinessCalendar(BERLIN, Map.of(), Set.of());
		assertThatThrownBy(() -> never.plus(berlin("2026-11-23T10:00"), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(never.plus(berlin("2026-11-23T10:00"), Duration.ZERO)).isEqualTo(berlin("2026-11-23T10:00"));
	}

}
