package io.tierline.channel.email;

import java.net.URI;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.Keyset;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Support mailboxes, their quarantine and their outgoing mail, for the provider's and the client's admins. */
@RestController
class MailApiController {

	private final MailAdmin admin;

	MailApiController(MailAdmin admin) {
		this.admin = admin;
	}

	record Page<T>(List<T> items, String nextCursor) {
	}

	@GetMapping("/api/v1/mailboxes")
	List<MailAdmin.View> list(Caller caller) {
		return admin.list(caller);
	}

	@PostMapping("/api/v1/mailboxes")
	ResponseEntity<MailAdmin.View> create(Caller caller, @RequestBody MailAdmin.Input body) {
		var created = admin.create(caller, body);
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/mailboxes/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/mailboxes/{id}")
	MailAdmin.View get(Caller caller, @PathVariable long id) {
		return admin.get(caller, id);
	}

	@PatchMapping("/api/v1/mailboxes/{id}")
	MailAdmin.View update(Caller caller, @PathVariable long id, @RequestBody MailAdmin.Input body) {
		return admin.update(caller, id, body);
	}

	@PostMapping("/api/v1/mailboxes/{id}/poll")
	MailboxPoller.Pass poll(Caller caller, @PathVariable long id) {
		return admin.pollNow(caller, id);
	}

	@GetMapping("/api/v1/mailboxes/{id}/quarantine")
	Page<MailAdmin.Held> quarantine(Caller caller, @PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(required = false) Long cursor, @RequestParam(required = false) Integer limit) {
		int size = Keyset.limit(limit, 50, 200, "limit");
		var rows = admin.quarantine(caller, id, state, cursor, size + 1);
		return rows.size() > size ? new Page<>(rows.subList(0, size), String.valueOf(rows.get(size - 1).id())) : new Page<>(rows, null);
	}

	@GetMapping("/api/v1/mailboxes/{id}/outgoing")
	Page<MailAdmin.Sent> outgoing(Caller caller, @PathVariable long id, @RequestParam(required = false) Long cursor,
			@RequestParam(required = false) Integer limit) {
		int size = Keyset.limit(limit, 50, 200, "limit");
		var rows = admin.outgoing(caller, id, cursor, size + 1);
		return rows.size() > size ? new Page<>(rows.subList(0, size), String.valueOf(rows.get(size - 1).id())) : new Page<>(rows, null);
	}

	@GetMapping("/api/v1/mail-quarantine/{id}")
	MailAdmin.Held held(Caller caller, @PathVariable long id) {
		return admin.held(caller, id);
	}

	/** The message exactly as received, to inspect or to file a bug about the parser. */
	@GetMapping("/api/v1/mail-quarantine/{id}/raw")
	ResponseEntity<byte[]> raw(Caller caller, @PathVariable long id) {
		byte[] raw = admin.raw(caller, id);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("quarantined-" + id + ".eml").build().toString())
			.body(raw);
	}

	@PostMapping("/api/v1/mail-quarantine/{id}/retry")
	MailAdmin.Retried retry(Caller caller, @PathVariable long id) {
		return admin.retry(caller, id);
	}

	@PostMapping("/api/v1/mail-quarantine/{id}/discard")
	ResponseEntity<Void> discard(Caller caller, @PathVariable long id) {
		admin.discard(caller, id);
		return ResponseEntity.noContent().build();
	}
}
