package io.tierline.ticket.web;

import io.tierline.access.Caller;
import io.tierline.common.ConflictException;
import io.tierline.common.InvalidInputException;
import io.tierline.ticket.internal.TicketFeedback;
import io.tierline.ticket.internal.TicketReading;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page parts of CSAT (the requester's rating in the portal after a solve) and of time logged by
 * agents (the ticket page): htmx fragments the ticket pages load. The API is {@link FeedbackApiController}.
 */
@Controller
class FeedbackController {

	private final TicketFeedback feedback;
	private final TicketReading reading;

	FeedbackController(TicketFeedback feedback, TicketReading reading) {
		this.feedback = feedback;
		this.reading = reading;
	}

	@GetMapping("/tickets/{ref}/time")
	String timePanel(Caller caller, @PathVariable String ref, Model model) {
		return timeFragment(caller, ref, model, null);
	}

	@PostMapping("/tickets/{ref}/time")
	String logTimeFromPage(Caller caller, @PathVariable String ref, @RequestParam(required = false) Integer minutes,
			@RequestParam(required = false) String note, Model model) {
		String error = null;
		try {
			feedback.logTime(caller, ref, minutes, note);
		}
		catch (InvalidInputException e) {
			error = e.problems().get(0).field() + " " + e.problems().get(0).message();
		}
		return timeFragment(caller, ref, model, error);
	}

	@GetMapping("/portal/tickets/{ref}/csat")
	String ratingPanel(Caller caller, @PathVariable String ref, Model model) {
		return ratingFragment(caller, ref, model, null, false);
	}

	@PostMapping("/portal/tickets/{ref}/csat")
	String rateFromPortal(Caller caller, @PathVariable String ref, @RequestParam(required = false) Integer score,
			@RequestParam(required = false) String comment, Model model) {
		try {
			feedback.rate(caller, ref, score, comment);
			return ratingFragment(caller, ref, model, null, true);
		}
		catch (InvalidInputException e) {
			return ratingFragment(caller, ref, model, e.problems().get(0).message(), false);
		}
		catch (ConflictException e) {
			return ratingFragment(caller, ref, model, e.getMessage(), false);
		}
	}

	private String timeFragment(Caller caller, String ref, Model model, String error) {
		var ticket = reading.get(caller, ref, false);
		model.addAttribute("ticketNumber", ticket.number());
		model.addAttribute("tier", ticket.tier());
		model.addAttribute("minutes", feedback.minutesByTier(caller, ticket.id()));
		model.addAttribute("error", error);
		return "ticket/time :: panel";
	}

	private String ratingFragment(Caller caller, String ref, Model model, String error, boolean thanked) {
		var ticket = reading.get(caller, ref, false);
		model.addAttribute("ticketNumber", ticket.number());
		model.addAttribute("mayRate", feedback.mayRate(caller, ticket.id()));
		model.addAttribute("thanked", thanked);
		model.addAttribute("error", error);
		return "portal/csat :: panel";
	}
}
