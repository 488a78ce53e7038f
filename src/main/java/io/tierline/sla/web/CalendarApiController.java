package io.tierline.sla.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.sla.internal.CalendarService;
import io.tierline.sla.internal.Calendars;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Business calendars, and the engine's answer to "when is this due?". */
@RestController
@RequestMapping("/api/v1/calendars")
class CalendarApiController {

	private final CalendarService calendars;
	private final AccessManagement access;

	CalendarApiController(CalendarService calendars, AccessManagement access) {
		this.calendars = calendars;
		this.access = access;
	}

	record CalendarView(long id, String client, String name, String zone, Map<String, List<Map<String, String>>> week,
			List<String> holidays, Instant updatedAt) {
	}

	@GetMapping
	List<CalendarView> list(Caller caller, @RequestParam(required = false) String client) {
		return calendars.list(caller, client).stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	CalendarView get(Caller caller, @PathVariable long id) {
		return view(calendars.get(caller, id));
	}

	/** {@code start} defaults to now; {@code duration} is ISO-8601 business time, e.g. PT4H. */
	@GetMapping("/{id}/due")
	CalendarService.Due due(Caller caller, @PathVariable long id, @RequestParam(required = false) String start,
			@RequestParam(required = false) String duration) {
		return calendars.due(caller, id, start, duration);
	}

	@PostMapping
	ResponseEntity<CalendarView> create(Caller caller, @RequestBody CalendarService.Input body) {
		var created = calendars.create(caller, body);
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/calendars/" + created.id())).body(view(created));
	}

	@PutMapping("/{id}")
	CalendarView update(Caller caller, @PathVariable long id, @RequestBody CalendarService.Input body) {
		return view(calendars.update(caller, id, body));
	}

	private CalendarView view(Calendars.Stored s) {
		Map<String, List<Map<String, String>>> week = new java.util.LinkedHashMap<>();
		s.calendar().week().forEach((day, intervals) -> week.put(day.name(), intervals.stream()
			.map(i -> Map.of("start", i.start().toString(), "end", i.end().toString())).toList()));
		return new CalendarView(s.id(), access.organization(s.clientId()).slug(), s.name(), s.calendar().zone().getId(), week,
				new TreeSet<>(s.calendar().holidays()).stream().map(Object::toString).toList(), s.updatedAt());
	}
}
