package io.tierline.ticket.web;

import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.ticket.internal.TicketFeedback;
import io.tierline.ticket.internal.TicketReading;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** CSAT by the requester after a solve, and minutes logged by agents per tier (SPEC §7 inputs). */
@RestController
class FeedbackApiController {

	private final TicketFeedback feedback;
	private final TicketReading reading;

	FeedbackApiController(TicketFeedback feedback, TicketReading reading) {
		this.feedback = feedback;
		this.reading = reading;
	}

	record Rating(Integer score, String comment) {
	}

	record TimeEntry(Integer minutes, String note) {
	}

	@PostMapping("/api/v1/tickets/{id}/csat")
	ResponseEntity<Map<String, Object>> rate(Caller caller, @PathVariable String id, @RequestBody Rating rating) {
		feedback.rate(caller, id, rating.score(), rating.comment());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("score", rating.score()));
	}

	@PostMapping("/api/v1/tickets/{id}/time")
	ResponseEntity<Map<String, Long>> logTime(Caller caller, @PathVariable String id, @RequestBody TimeEntry entry) {
		feedback.logTime(caller, id, entry.minutes(), entry.note());
		long ticketId = reading.get(caller, id, false).id();
		return ResponseEntity.status(HttpStatus.CREATED).body(feedback.minutesByTier(caller, ticketId));
	}

	@GetMapping("/api/v1/tickets/{id}/time")
	Map<String, Long> time(Caller caller, @PathVariable String id) {
		return feedback.minutesByTier(caller, reading.get(caller, id, false).id());
	}

}
