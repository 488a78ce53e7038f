package io.tierline.ticket.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.InvalidInputException;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.TicketView;
import io.tierline.ticket.internal.AttachmentService;
import io.tierline.ticket.internal.Attachments;
import io.tierline.ticket.internal.Conversation;
import io.tierline.ticket.internal.TicketChanges;
import io.tierline.ticket.internal.TicketGuard;
import io.tierline.ticket.internal.TicketReading;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agent's ticket page: thread, reply, internal note, status and assignee, attachments. */
@Controller
class TicketPageController {

	private final TicketReading reading;
	private final Conversation conversation;
	private final TicketChanges changes;
	private final AttachmentService attachments;
	private final AccessManagement access;

	TicketPageController(TicketReading reading, Conversation conversation, TicketChanges changes, AttachmentService attachments,
			AccessManagement access) {
		this.reading = reading;
		this.conversation = conversation;
		this.changes = changes;
		this.attachments = attachments;
		this.access = access;
	}

	@GetMapping("/tickets/{ref}")
	String ticket(Caller caller, @PathVariable String ref, Model model) {
		TicketView ticket = reading.get(caller, ref, true);
		ClientRef client = access.clientBySlug(ticket.client()).orElseThrow();
		var thread = reading.thread(caller, ref, 0, 500, false);
		if (!caller.readsWholeClient(client.id()) && !caller.worksFor(client.id())) {
			return "redirect:/portal/tickets/" + ticket.number();
		}
		model.addAttribute("ticket", ticket);
		model.addAttribute("thread", thread.messages());
		model.addAttribute("files", thread.attachments());
		model.addAttribute("categories", access.categories(client.id()));
		model.addAttribute("agents", access.assignableAgents(client.id(), ticket.queue() == null ? null
				: access.queueId(client.id(), ticket.queue()).orElse(null), ticket.category() == null ? null
				: access.categoryId(client.id(), ticket.category()).orElse(null), ticket.tier()));
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("kinds", MessageKind.values());
		model.addAttribute("readOnly", isReadOnly(caller, client.id()));
		model.addAttribute("events", reading.events(caller, ref, 0, 500));
		return "ticket/ticket";
	}

	@PostMapping("/tickets/{ref}/messages")
	String reply(Caller caller, @PathVariable String ref, @RequestParam String body, @RequestParam String visibility,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		var posted = conversation.post(caller, ref, new Conversation.Post(body, visibility, kind, blank(status)));
		if (file != null && !file.isEmpty()) {
			try (InputStream in = file.getInputStream()) {
				attachments.add(caller, ref, posted.messageId(), file.getOriginalFilename(), in);
			}
		}
		flash.addFlashAttribute("notice", posted.state().name().equals("HELD")
				? "Your reply is waiting for a lead's approval before it is sent." : "Saved.");
		return "redirect:/tickets/" + ref;
	}

	@PostMapping("/tickets/{ref}/update")
	String update(Caller caller, @PathVariable String ref, @RequestParam(required = false) String status,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String category, RedirectAttributes flash) {
		changes.apply(caller, ref, new TicketChanges.Change(blank(status), blank(severity), assignee != null, blank(assignee),
				blank(category), null));
		flash.addFlashAttribute("notice", "Ticket updated.");
		return "redirect:/tickets/" + ref;
	}

	@PostMapping("/tickets/{ref}/attachments")
	String upload(Caller caller, @PathVariable String ref, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
			throws IOException {
		if (file.isEmpty()) {
			throw InvalidInputException.of("file", "choose a file to attach");
		}
		try (InputStream in = file.getInputStream()) {
			attachments.add(caller, ref, null, file.getOriginalFilename(), in);
		}
		flash.addFlashAttribute("notice", "File attached.");
		return "redirect:" + (caller.isStaff() ? "/tickets/" : "/portal/tickets/") + ref;
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<StreamingResponseBody> download(Caller caller, @PathVariable long id) {
		Attachments.Attachment a = attachments.readable(caller, id);
		return AttachmentDownload.of(a, attachments);
	}

	@GetMapping("/approvals")
	String approvals(Caller caller, Model model) {
		model.addAttribute("held", conversation.held(caller));
		return "ticket/approvals";
	}

	@PostMapping("/approvals/{id}")
	String decide(Caller caller, @PathVariable long id, @RequestParam boolean approved, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		conversation.review(caller, id, approved, note);
		flash.addFlashAttribute("notice", approved ? "Reply approved and sent." : "Reply rejected.");
		return "redirect:/approvals";
	}

	private static boolean isReadOnly(Caller caller, long clientId) {
		try {
			caller.requireMayChangeTicketsOf(clientId);
			return false;
		}
		catch (RuntimeException e) {
			return true;
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
