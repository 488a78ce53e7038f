package io.tierline.sla.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.access.AccessManagement;
import io.tierline.access.ClientRef;
import io.tierline.sla.BusinessCalendar;
import io.tierline.sla.BusinessCalendar.Interval;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo calendars: acme works Berlin office hours, globex New York hours plus Saturday mornings. */
@Component
@Order(22)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class DemoCalendars implements ApplicationRunner {

	private final AccessManagement access;
	private final Calendars calendars;
	private final Clock clock;

	DemoCalendars(AccessManagement access, Calendars calendars, Clock clock) {
		this.access = access;
		this.calendars = calendars;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		ClientRef acme = access.clientBySlug("acme").orElse(null);
		if (acme == null || !calendars.ofClients(List.of(acme.id())).isEmpty()) {
			return;
		}
		var weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
		Map<DayOfWeek, List<Interval>> berlin = new EnumMap<>(DayOfWeek.class);
		weekdays.forEach(d -> berlin.put(d, List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(12, 30)),
				new Interval(LocalTime.of(13, 30), LocalTime.of(18, 0)))));
		calendars.insert(acme.id(), "Berlin office", new BusinessCalendar(ZoneId.of("Europe/Berlin"), berlin,
				dates("2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01", "2027-03-26", "2027-03-29",
						"2027-05-01", "2027-05-06", "2027-05-17", "2027-10-03", "2027-12-25", "2027-12-26")), clock.instant());
		Map<DayOfWeek, List<Interval>> newYork = new EnumMap<>(DayOfWeek.class);
		weekdays.forEach(d -> newYork.put(d, List.of(new Interval(LocalTime.of(9, 0), LocalTime.of(17, 0)))));
		newYork.put(DayOfWeek.SATURDAY, List.of(new Interval(LocalTime.of(10, 0), LocalTime.of(14, 0))));
		access.clientBySlug("globex").ifPresent(globex -> calendars.insert(globex.id(), "New York retail",
				new BusinessCalendar(ZoneId.of("America/New_York"), newYork, dates("2026-11-26", "2026-12-25", "2027-01-01",
						"2027-05-31", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24")), clock.instant()));
	}

	private static Set<LocalDate> dates(String... days) {
		return java.util.Arrays.stream(days).map(LocalDate::parse).collect(java.util.stream.Collectors.toSet());
	}
}
