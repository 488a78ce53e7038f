package io.tierline.channel.email;

import java.util.stream.Collectors;

import io.tierline.access.Caller;
import io.tierline.common.ConflictException;
import io.tierline.common.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: the support mailboxes, each with its settings, quarantine and outgoing mail. */
@Controller
class MailPageController {

	private final MailAdmin admin;

	MailPageController(MailAdmin admin) {
		this.admin = admin;
	}

	/** The form; a blank password on an edit keeps the stored one. */
	record Form(String client, String address, String imapHost, Integer imapPort, Boolean imapTls, String smtpHost, Integer smtpPort,
			Boolean smtpTls, String username, String password, String folder, Boolean autoAcknowledge, Integer senderHourlyLimit,
			Boolean active) {

		/** An unchecked box is not sent at all: it means false. */
		MailAdmin.Input input() {
			return new MailAdmin.Input(client, address, imapHost, imapPort, checked(imapTls), smtpHost, smtpPort, checked(smtpTls),
					blank(username) ? null : username, blank(password) ? null : password, blank(folder) ? null : folder,
					checked(autoAcknowledge), senderHourlyLimit, checked(active));
		}

		private static boolean checked(Boolean box) {
			return Boolean.TRUE.equals(box);
		}

		private static boolean blank(String s) {
			return s == null || s.isBlank();
		}
	}

	@GetMapping("/admin/mail")
	String list(Caller caller, Model model) {
		model.addAttribute("clients", admin.administered(caller));
		model.addAttribute("mailboxes", admin.list(caller));
		return "channel/mailboxes";
	}

	@PostMapping("/admin/mail")
	String create(Caller caller, @ModelAttribute Form form, RedirectAttributes flash) {
		try {
			var created = admin.create(caller, form.input());
			flash.addFlashAttribute("notice", "Mailbox " + created.address() + " created; it is read within the poll interval.");
			return "redirect:/admin/mail/" + created.id();
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("error", problems(e));
			return "redirect:/admin/mail";
		}
	}

	@GetMapping("/admin/mail/{id}")
	String mailbox(Caller caller, @PathVariable long id, @RequestParam(required = false) String state, Model model) {
		model.addAttribute("mailbox", admin.get(caller, id));
		model.addAttribute("state", state == null ? "HELD" : state);
		model.addAttribute("held", admin.quarantine(caller, id, state == null ? "HELD" : state.isBlank() ? null : state, null, 50));
		model.addAttribute("outgoing", admin.outgoing(caller, id, null, 20));
		return "channel/mailbox";
	}

	@PostMapping("/admin/mail/{id}")
	String update(Caller caller, @PathVariable long id, @ModelAttribute Form form, RedirectAttributes flash) {
		try {
			admin.update(caller, id, form.input());
			flash.addFlashAttribute("notice", "Saved.");
		}
		catch (InvalidInputException | ConflictException e) {
			flash.addFlashAttribute("error", problems(e));
		}
		return "redirect:/admin/mail/" + id;
	}

	@PostMapping("/admin/mail/{id}/poll")
	String poll(Caller caller, @PathVariable long id, RedirectAttributes flash) {
		try {
			var pass = admin.pollNow(caller, id);
			flash.addFlashAttribute("notice", "Read " + pass.read() + " new message(s): " + pass.newTickets() + " new ticket(s), "
					+ pass.replies() + " repl(ies), " + pass.bounces() + " bounce(s), " + pass.duplicates() + " duplicate(s), "
					+ pass.quarantined() + " quarantined.");
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/mail/" + id;
	}

	@PostMapping("/admin/mail/quarantine/{heldId}/retry")
	String retry(Caller caller, @PathVariable long heldId, RedirectAttributes flash) {
		var held = admin.held(caller, heldId);
		try {
			var r = admin.retry(caller, heldId);
			flash.addFlashAttribute("notice", "Retried: " + r.outcome() + (r.reason() == null ? "" : " (" + r.reason() + ")"));
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/mail/" + held.mailboxId();
	}

	@PostMapping("/admin/mail/quarantine/{heldId}/discard")
	String discard(Caller caller, @PathVariable long heldId, RedirectAttributes flash) {
		var held = admin.held(caller, heldId);
		try {
			admin.discard(caller, heldId);
			flash.addFlashAttribute("notice", "Discarded.");
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/mail/" + held.mailboxId();
	}

	private static String problems(RuntimeException e) {
		if (e instanceof InvalidInputException invalid) {
			return invalid.problems().stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
		}
		return e.getMessage();
	}

}
