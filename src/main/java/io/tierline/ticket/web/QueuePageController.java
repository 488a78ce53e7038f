package io.tierline.ticket.web;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.Keyset;
import io.tierline.common.Tier;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.internal.TicketReading;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent queue: filters and keyset pagination; htmx swaps only the rows. */
@Controller
class QueuePageController {

	private final TicketReading reading;
	private final AccessManagement access;

	QueuePageController(TicketReading reading, AccessManagement access) {
		this.reading = reading;
		this.access = access;
	}

	@GetMapping("/tickets")
	String queue(Caller caller, @RequestParam(required = false) String client,
			@RequestParam(defaultValue = "NEW,OPEN,PENDING,ON_HOLD") String status, @RequestParam(required = false) String tier,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		var query = new TicketReading.Query(blank(client), blank(status), blank(tier), blank(assignee), blank(q), blank(sort));
		model.addAttribute("page", reading.list(caller, query, Keyset.decode(cursor, "cursor"), 50));
		model.addAttribute("query", query);
		model.addAttribute("clients", access.clients().stream()
			.filter(c -> caller.readsWholeClient(c.id()) || caller.worksFor(c.id())).toList());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("tiers", Tier.values());
		return htmx != null ? "ticket/queue :: rows" : "ticket/queue";
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
