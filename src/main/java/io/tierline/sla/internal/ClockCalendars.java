package io.tierline.sla.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.sla.BusinessCalendar;

import org.springframework.stereotype.Component;

/**
 * The calendar a clock counts in: 24×7 for such targets, else the stored calendar (kept in memory
 * a few seconds per node), else office hours Mon–Fri 09:00–17:00 UTC for a client without one.
 */
@Component
class ClockCalendars {

	static final BusinessCalendar OFFICE_HOURS = officeHours();
	private static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven();
	private static final long CACHE_MILLIS = 10_000;

	private record Cached(BusinessCalendar calendar, long loadedAt) {
	}

	private final Calendars calendars;
	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
	private final Map<Long, ClientDefault> clientDefaults = new ConcurrentHashMap<>();

	/** A client's first calendar, remembered like the calendars themselves so opening a ticket does not look it up. */
	private record ClientDefault(Long calendarId, long loadedAt) {
	}

	ClockCalendars(Calendars calendars) {
		this.calendars = calendars;
	}

	BusinessCalendar of(SlaClock clock) {
		return of(clock.businessTime(), clock.calendarId());
	}

	BusinessCalendar of(boolean businessTime, Long calendarId) {
		if (!businessTime) {
			return ALWAYS;
		}
		if (calendarId == null) {
			return OFFICE_HOURS;
		}
		long now = System.currentTimeMillis();
		Cached c = cache.get(calendarId);
		if (c == null || now - c.loadedAt() > CACHE_MILLIS) {
			c = new Cached(calendars.find(calendarId).map(Calendars.Stored::calendar).orElse(OFFICE_HOURS), now);
			cache.put(calendarId, c);
		}
		return c.calendar();
	}

	/** The calendar a client's new business-time clocks use: its settings' choice, else its first calendar. */
	Long calendarFor(SlaPolicies.Settings settings) {
		if (settings.calendarId() != null) {
			return settings.calendarId();
		}
		long now = System.currentTimeMillis();
		ClientDefault d = clientDefaults.get(settings.clientId());
		if (d == null || now - d.loadedAt() > CACHE_MILLIS) {
			d = new ClientDefault(calendars.ofClients(List.of(settings.clientId())).stream().findFirst().map(Calendars.Stored::id)
				.orElse(null), now);
			clientDefaults.put(settings.clientId(), d);
		}
		return d.calendarId();
	}

	void forget(long calendarId) {
		cache.remove(calendarId);
		clientDefaults.clear();
	}

	private static BusinessCalendar officeHours() {
		Map<DayOfWeek, List<BusinessCalendar.Interval>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
			week.put(d, List.of(new BusinessCalendar.Interval(LocalTime.of(9, 0), LocalTime.of(17, 0))));
		}
		return new BusinessCalendar(ZoneOffset.UTC, week, Set.of());
	}
}
