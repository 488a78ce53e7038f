package io.tierline.channel.phone;

import io.tierline.access.Caller;
import io.tierline.common.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The call log panel the ticket page loads with htmx, with its "Log a call" form. Without htmx the
 * same URL is a page of its own and the form redirects back to the ticket.
 */
@Controller
class CallPanelController {

	private final CallLog log;

	CallPanelController(CallLog log) {
		this.log = log;
	}

	@GetMapping("/tickets/{number}/calls")
	String panel(Caller caller, @PathVariable String number, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		fill(caller, number, model, new CallLog.ManualCall("INBOUND", null, null, null, null, null));
		return htmx != null ? "phone/panel :: panel" : "phone/calls";
	}

	@PostMapping("/tickets/{number}/calls")
	String logCall(Caller caller, @PathVariable String number, @ModelAttribute CallLog.ManualCall call,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		try {
			log.log(caller, number, call);
		}
		catch (InvalidInputException invalid) {
			if (htmx == null) {
				throw invalid;
			}
			// htmx swaps only 2xx answers: the panel comes back with the form as typed and what to correct
			model.addAttribute("errors", invalid.problems());
			fill(caller, number, model, call);
			return "phone/panel :: panel";
		}
		if (htmx == null) {
			flash.addFlashAttribute("notice", "Call logged.");
			return "redirect:/tickets/" + number;
		}
		// the note is on the ticket's thread too: show the whole page again
		response.setHeader("HX-Refresh", "true");
		fill(caller, number, model, new CallLog.ManualCall("INBOUND", null, null, null, null, null));
		model.addAttribute("notice", "Call logged.");
		return "phone/panel :: panel";
	}

	private void fill(Caller caller, String number, Model model, CallLog.ManualCall form) {
		model.addAttribute("ticketNumber", number);
		model.addAttribute("calls", log.calls(caller, number));
		model.addAttribute("mayLog", log.mayLog(caller, number));
		model.addAttribute("form", form);
	}
}
