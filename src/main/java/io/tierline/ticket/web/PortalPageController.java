package io.tierline.ticket.web;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.Role;
import io.tierline.common.InvalidInputException;
import io.tierline.common.Keyset;
import io.tierline.ticket.Channel;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;
import io.tierline.ticket.internal.Conversation;
import io.tierline.ticket.internal.TicketReading;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The requester portal: submit a request, follow it, reply. */
@Controller
class PortalPageController {

	private final TicketManagement tickets;
	private final TicketReading reading;
	private final Conversation conversation;
	private final AccessManagement access;

	PortalPageController(TicketManagement tickets, TicketReading reading, Conversation conversation, AccessManagement access) {
		this.tickets = tickets;
		this.reading = reading;
		this.conversation = conversation;
		this.access = access;
	}

	@GetMapping("/portal")
	String mine(Caller caller, @RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("page", reading.mine(caller, Keyset.decode(cursor, "cursor"), 25));
		model.addAttribute("clients", clientsOf(caller));
		return "portal/list";
	}

	@PostMapping("/portal/tickets")
	String submit(Caller caller, @RequestParam String client, @RequestParam String subject, @RequestParam String description,
			@RequestParam(required = false) String category, RedirectAttributes flash) {
		var opened = tickets.open(caller, new NewTicket(client, null, subject, description, Channel.WEB.name(), null,
				category == null || category.isBlank() ? null : category, null, null, null, null, null), Channel.WEB, null);
		TicketView view = tickets.find(opened.ticketId()).orElseThrow();
		flash.addFlashAttribute("notice", "Request " + view.number() + " received. We will reply here and by e-mail.");
		return "redirect:/portal/tickets/" + view.number();
	}

	@GetMapping("/portal/tickets/{ref}")
	String ticket(Caller caller, @PathVariable String ref, Model model) {
		TicketView ticket = reading.get(caller, ref, false);
		var thread = reading.thread(caller, ref, 0, 500, false);
		model.addAttribute("ticket", ticket);
		model.addAttribute("thread", thread.messages().stream()
			.filter(m -> m.visibility().name().equals("PUBLIC") && m.state().name().equals("SENT")).toList());
		model.addAttribute("files", thread.attachments());
		return "portal/ticket";
	}

	@PostMapping("/portal/tickets/{ref}/reply")
	String reply(Caller caller, @PathVariable String ref, @RequestParam String body, RedirectAttributes flash) {
		if (body.isBlank()) {
			throw InvalidInputException.of("body", "must not be blank");
		}
		var posted = conversation.post(caller, ref, new Conversation.Post(body, "PUBLIC", null, null));
		if (posted.followUpTicketId() != null) {
			TicketView followUp = tickets.find(posted.followUpTicketId()).orElseThrow();
			flash.addFlashAttribute("notice", "That request was closed, so we opened " + followUp.number() + " for your message.");
			return "redirect:/portal/tickets/" + followUp.number();
		}
		flash.addFlashAttribute("notice", "Reply sent.");
		return "redirect:/portal/tickets/" + ref;
	}

	private List<ClientWithCategories> clientsOf(Caller caller) {
		return access.clients().stream().filter(c -> caller.has(Role.REQUESTER, c.id()))
			.map(c -> new ClientWithCategories(c, access.categories(c.id()))).toList();
	}

	record ClientWithCategories(ClientRef client, List<AccessManagement.CatalogEntry> categories) {
	}
}
