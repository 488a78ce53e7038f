package io.tierline.ticket.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.InputCheck;
import io.tierline.common.Keyset;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;
import io.tierline.masking.SecretKind;
import io.tierline.ticket.Channel;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.OpenedTicket;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.TicketView;
import io.tierline.ticket.Visibility;
import io.tierline.ticket.internal.Attachments;
import io.tierline.ticket.internal.Conversation;
import io.tierline.ticket.internal.Messages;
import io.tierline.ticket.internal.TicketChanges;
import io.tierline.ticket.internal.TicketReading;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tickets")
class TicketApiController {

	private final TicketManagement tickets;
	private final TicketReading reading;
	private final TicketChanges changes;
	private final Conversation conversation;
	private final AccessManagement access;

	TicketApiController(TicketManagement tickets, TicketReading reading, TicketChanges changes, Conversation conversation,
			AccessManagement access) {
		this.tickets = tickets;
		this.reading = reading;
		this.changes = changes;
		this.conversation = conversation;
		this.access = access;
	}

	@PostMapping
	ResponseEntity<TicketView> create(Caller caller, @RequestBody NewTicket body,
			@RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
		OpenedTicket opened = tickets.open(caller, body, Channel.API, idempotencyKey);
		TicketView view = reading.justOpened(opened.ticketId());
		var response = ResponseEntity.status(opened.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/tickets/" + view.id()));
		if (opened.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(view);
	}

	@GetMapping("/{id}")
	TicketView get(Caller caller, @PathVariable String id) {
		return reading.get(caller, id, true);
	}

	/** The queue: newest activity first (or {@code sort=due}: next SLA due first), keyset-paginated by {@code cursor}. */
	@GetMapping
	TicketPage list(Caller caller, @RequestParam(required = false) String client, @RequestParam(required = false) String status,
			@RequestParam(required = false) String tier, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		var page = reading.list(caller, new TicketReading.Query(client, status, tier, assignee, q, sort), Keyset.decode(cursor, "cursor"),
				Keyset.limit(limit, 50, 200, "limit"));
		return new TicketPage(page.items(), page.nextCursor());
	}

	record TicketPage(List<TicketView> items, String nextCursor) {
	}

	@PatchMapping("/{id}")
	TicketView update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
		var check = new InputCheck();
		check.require(body != null && body.isObject(), "body", "must be a JSON object");
		check.throwIfInvalid();
		List<String> known = List.of("status", "severity", "assignee", "category", "tags");
		body.propertyNames().forEach(name -> check.require(known.contains(name), name, "cannot be changed here"));
		List<String> tags = null;
		if (body.has("tags")) {
			check.require(body.get("tags").isArray(), "tags", "must be a list of strings");
			tags = new ArrayList<>();
			for (JsonNode tag : body.get("tags")) {
				tags.add(tag.asString());
			}
		}
		check.throwIfInvalid();
		changes.apply(caller, id, new TicketChanges.Change(text(body, "status"), text(body, "severity"), body.has("assignee"),
				text(body, "assignee"), text(body, "category"), tags));
		return reading.get(caller, id, false);
	}

	@GetMapping("/{id}/messages")
	List<MessageView> messages(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(required = false) Integer limit) {
		var thread = reading.thread(caller, id, after, Keyset.limit(limit, 200, 500, "limit"), true);
		Map<Long, List<AttachmentView>> files = thread.attachments().stream().filter(a -> a.messageId() != null)
			.collect(Collectors.groupingBy(Attachments.Attachment::messageId,
					Collectors.mapping(AttachmentView::of, Collectors.toList())));
		return thread.messages().stream().map(m -> MessageView.of(m, files.getOrDefault(m.id(), List.of()))).toList();
	}

	@PostMapping("/{id}/messages")
	ResponseEntity<MessageView> post(Caller caller, @PathVariable String id, @RequestBody Conversation.Post body) {
		Conversation.Posted posted = conversation.post(caller, id, body);
		Messages.Message message = reading.message(posted.messageId());
		var view = MessageView.of(message, List.of());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/tickets/" + posted.ticketId() + "/messages"))
			.header("Tierline-Ticket", String.valueOf(posted.ticketId()))
			.body(posted.followUpTicketId() == null ? view : view.asFollowUp(posted.followUpTicketId()));
	}

	@GetMapping("/{id}/events")
	List<TicketReading.EventView> events(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(required = false) Integer limit) {
		return reading.events(caller, id, after, Keyset.limit(limit, 500, 1000, "limit"));
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	/** {@code maskedSecrets}: the kinds of secret masked in a text file before it was stored (SPEC §6); empty when none. */
	record AttachmentView(long id, String filename, String contentType, long sizeBytes, String sha256, Instant createdAt,
			String url, List<SecretKind> maskedSecrets) {

		static AttachmentView of(Attachments.Attachment a) {
			return new AttachmentView(a.id(), a.filename(), a.contentType(), a.sizeBytes(), a.sha256(), a.createdAt(),
					"/api/v1/attachments/" + a.id(), a.masked());
		}
	}

	/**
	 * {@code state}: SENT, or HELD while a SUPERVISED agent's reply waits for approval, or REJECTED.
	 * {@code maskedSecrets}: the kinds of secret masked in the body before it was stored (SPEC §6); empty when none.
	 */
	record MessageView(long id, long ticketId, String author, String authorName, Visibility visibility, MessageKind kind,
			String body, Messages.State state, Instant createdAt, List<AttachmentView> attachments, Long followUpTicketId,
			List<SecretKind> maskedSecrets) {

		static MessageView of(Messages.Message m, List<AttachmentView> attachments) {
			return new MessageView(m.id(), m.ticketId(), m.authorEmail(), m.authorName(), m.visibility(), m.kind(), m.body(),
					m.state(), m.createdAt(), attachments, null, m.masked());
		}

		MessageView asFollowUp(long followUp) {
			return new MessageView(id, ticketId, author, authorName, visibility, kind, body, state, createdAt, attachments, followUp,
					maskedSecrets);
		}
	}
}
