package io.tierline.sla.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.sla.BusinessCalendar;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business calendars as people use them: staff of a client read its calendars and ask the engine
 * for due times; the client's admins (and the provider's) keep them. Others are told they do not exist.
 */
@Service
public class CalendarService {

	private final Calendars calendars;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ClockCalendars clockCalendars;

	CalendarService(Calendars calendars, AccessManagement access, ApplicationEventPublisher events, Clock clock,
			ClockCalendars clockCalendars) {
		this.clockCalendars = clockCalendars;
		this.calendars = calendars;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** A calendar as written: {@code week} maps MONDAY… to intervals {@code {"start":"09:00","end":"17:00"}}. */
	public record Input(String client, String name, String zone, Map<String, List<Map<String, String>>> week, List<String> holidays) {
	}

	public record Due(long calendar, Instant start, Duration duration, Instant due) {
	}

	public List<Calendars.Stored> list(Caller caller, String clientSlug) {
		List<Long> clients = access.clients().stream()
			.filter(c -> clientSlug == null || c.slug().equalsIgnoreCase(clientSlug))
			.filter(c -> reads(caller, c.id())).map(ClientRef::id).toList();
		return calendars.ofClients(clients);
	}

	public Calendars.Stored get(Caller caller, long id) {
		var stored = calendars.find(id).orElseThrow(() -> new NotFoundException("Calendar " + id));
		if (!reads(caller, stored.clientId())) {
			throw new NotFoundException("Calendar " + id);
		}
		return stored;
	}

	public Due due(Caller caller, long id, String start, String duration) {
		var stored = get(caller, id);
		var check = new InputCheck();
		Instant from = null;
		try {
			from = start == null || start.isBlank() ? clock.instant() : Instant.parse(start.strip());
		}
		catch (DateTimeParseException e) {
			check.add("start", "must be an ISO-8601 instant such as 2026-11-23T09:00:00Z");
		}
		Duration amount = null;
		try {
			amount = Duration.parse(duration == null ? "" : duration.strip());
			check.require(!amount.isNegative() && amount.compareTo(Duration.ofDays(3650)) <= 0, "duration",
					"must be between PT0S and ten years");
		}
		catch (DateTimeParseException e) {
			check.add("duration", "must be an ISO-8601 duration such as PT4H");
		}
		check.throwIfInvalid();
		try {
			return new Due(id, from, amount, stored.calendar().plus(from, amount));
		}
		catch (IllegalStateException noWorkingTime) {
			throw io.tierline.common.InvalidInputException.of("duration", noWorkingTime.getMessage());
		}
	}

	@Transactional
	public Calendars.Stored create(Caller caller, Input in) {
		var check = new InputCheck();
		ClientRef client = check.lookup(in.client(), access::clientBySlug, "client", "client");
		check.require(in.client() != null && !in.client().isBlank(), "client", "must not be blank");
		String name = check.text(in.name(), "name", 100, true);
		BusinessCalendar calendar = calendar(in, check);
		check.throwIfInvalid();
		requireAdmin(caller, client);
		long id = calendars.insert(client.id(), name, calendar, clock.instant());
		clockCalendars.forget(id);
		audit(caller, client.id(), "CALENDAR_CREATED", id, null, in);
		return calendars.find(id).orElseThrow();
	}

	@Transactional
	public Calendars.Stored update(Caller caller, long id, Input in) {
		var before = get(caller, id);
		var check = new InputCheck();
		String name = in.name() == null ? before.name() : check.text(in.name(), "name", 100, true);
		BusinessCalendar calendar = calendar(in, check);
		check.throwIfInvalid();
		requireAdmin(caller, access.organization(before.clientId()));
		calendars.update(id, name, calendar, clock.instant());
		clockCalendars.forget(id);
		audit(caller, before.clientId(), "CALENDAR_CHANGED", id, null, in);
		return calendars.find(id).orElseThrow();
	}

	static BusinessCalendar calendar(Input in, InputCheck check) {
		ZoneId zone = null;
		try {
			zone = ZoneId.of(in.zone() == null ? "" : in.zone().strip());
		}
		catch (DateTimeException e) {
			check.add("zone", "must be a time-zone id such as Europe/Berlin");
		}
		Map<DayOfWeek, List<BusinessCalendar.Interval>> week = new EnumMap<>(DayOfWeek.class);
		check.require(in.week() != null && in.week().values().stream().anyMatch(l -> l != null && !l.isEmpty()), "week",
				"give working intervals for at least one weekday");
		(in.week() == null ? Map.<String, List<Map<String, String>>>of() : in.week()).forEach((dayName, intervals) -> {
			DayOfWeek day = check.enumValue(dayName, DayOfWeek.class, "week." + dayName, null);
			List<BusinessCalendar.Interval> parsed = new java.util.ArrayList<>();
			for (int i = 0; intervals != null && i < intervals.size(); i++) {
				String at = "week." + dayName + "[" + i + "]";
				LocalTime start = time(intervals.get(i).get("start"), at + ".start", check);
				LocalTime end = time(intervals.get(i).get("end"), at + ".end", check);
				if (start != null && end != null) {
					check.require(!start.equals(end) || start.equals(LocalTime.MIDNIGHT), at,
							"start and end are equal: use 00:00–00:00 for the whole day");
					parsed.add(new BusinessCalendar.Interval(start, end));
				}
			}
			if (day != null) {
				week.put(day, parsed);
			}
		});
		Set<LocalDate> holidays = new TreeSet<>();
		List<String> given = in.holidays() == null ? List.of() : in.holidays();
		for (int i = 0; i < given.size(); i++) {
			try {
				holidays.add(LocalDate.parse(given.get(i).strip()));
			}
			catch (DateTimeParseException | NullPointerException e) {
				check.add("holidays[" + i + "]", "must be a date such as 2026-12-25");
			}
		}
		return zone == null ? null : new BusinessCalendar(zone, week, holidays);
	}

	private static LocalTime time(String value, String field, InputCheck check) {
		try {
			return LocalTime.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException e) {
			check.add(field, "must be a time such as 09:00");
			return null;
		}
	}

	/** Staff of the client (its own people and the provider agents who work for it) read its SLA data. */
	public static boolean reads(Caller caller, long clientId) {
		return caller.readsWholeClient(clientId) || caller.worksFor(clientId);
	}

	private static void requireAdmin(Caller caller, ClientRef client) {
		if (!caller.hasScope("admin") || !(caller.isProviderAdmin() || caller.isClientAdmin(client.id()))) {
			throw new ForbiddenException("Only " + client.slug() + "'s admins change its calendars");
		}
	}

	private void audit(Caller caller, long clientId, String action, long id, Object before, Object after) {
		events.publishEvent(new AuditEvent(clientId, caller.userId(), caller.email(), action, null, "calendar:" + id, before, after));
	}
}
