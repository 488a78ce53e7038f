package io.tierline.escalation.web;

import java.net.URI;
import java.util.List;

import io.tierline.access.Caller;
import io.tierline.common.Keyset;
import io.tierline.escalation.KnownIssueSummary;
import io.tierline.escalation.internal.KnownIssueBulkReply;
import io.tierline.escalation.internal.KnownIssueDetails;
import io.tierline.escalation.internal.KnownIssueDraft;
import io.tierline.escalation.internal.KnownIssueLibrary;
import io.tierline.escalation.internal.KnownIssueLinking;
import io.tierline.escalation.internal.KnownIssueLinks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The known-issue library over HTTP (SPEC §3); rights are decided in the services. */
@RestController
@RequestMapping("/api/v1/known-issues")
class KnownIssueApiController {

	private final KnownIssueLibrary library;
	private final KnownIssueLinking linking;
	private final KnownIssueBulkReply bulkReply;

	KnownIssueApiController(KnownIssueLibrary library, KnownIssueLinking linking, KnownIssueBulkReply bulkReply) {
		this.library = library;
		this.linking = linking;
		this.bulkReply = bulkReply;
	}

	record IssuePage(List<KnownIssueSummary> items, String nextCursor) {
	}

	record LinkRequest(String ticket) {
	}

	record BulkReplyRequest(String body) {
	}

	/** Newest change first; {@code q} matches the title, the symptoms and the signatures. */
	@GetMapping
	IssuePage list(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		var page = library.list(caller, new KnownIssueLibrary.Query(client, status, q), Keyset.decode(cursor, "cursor"),
				Keyset.limit(limit, 50, 200, "limit"));
		return new IssuePage(page.items(), page.nextCursor());
	}

	@PostMapping
	ResponseEntity<KnownIssueDetails> create(Caller caller, @RequestBody KnownIssueDraft.Input body) {
		var issue = library.details(library.create(caller, body));
		return ResponseEntity.created(URI.create("/api/v1/known-issues/" + issue.id())).body(issue);
	}

	@GetMapping("/{id}")
	KnownIssueDetails get(Caller caller, @PathVariable long id) {
		return library.details(library.get(caller, id));
	}

	@PutMapping("/{id}")
	KnownIssueDetails update(Caller caller, @PathVariable long id, @RequestBody KnownIssueDraft.Input body) {
		return library.details(library.update(caller, id, body));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable long id) {
		library.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	/** {@code 201} when the link is new, {@code 200} when it existed; the answer is the issue with its count. */
	@PostMapping("/{id}/links")
	ResponseEntity<KnownIssueSummary> link(Caller caller, @PathVariable long id, @RequestBody LinkRequest body) {
		var linked = linking.link(caller, id, body.ticket());
		return ResponseEntity.status(linked.created() ? HttpStatus.CREATED : HttpStatus.OK).body(linked.issue());
	}

	@DeleteMapping("/{id}/links/{ticket}")
	ResponseEntity<Void> unlink(Caller caller, @PathVariable long id, @PathVariable String ticket) {
		linking.unlink(caller, id, ticket);
		return ResponseEntity.noContent().build();
	}

	/** Linked tickets the caller sees, newest link first. */
	@GetMapping("/{id}/tickets")
	KnownIssueLinks.Page tickets(Caller caller, @PathVariable long id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		return linking.tickets(caller, id, Keyset.decode(cursor, "cursor"), Keyset.limit(limit, 50, 200, "limit"));
	}

	@PostMapping("/{id}/bulk-reply")
	KnownIssueBulkReply.Result bulkReply(Caller caller, @PathVariable long id, @RequestBody BulkReplyRequest body) {
		return bulkReply.reply(caller, id, body.body());
	}
}
