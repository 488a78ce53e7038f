package io.tierline.ticket.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.Role;
import io.tierline.access.UserRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.InvalidInputException;
import io.tierline.common.Tier;
import io.tierline.masking.Masked;
import io.tierline.ticket.Channel;
import io.tierline.ticket.EventType;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.OpenedTicket;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketEvents.FollowUpCreated;
import io.tierline.ticket.TicketEvents.MessagePosted;
import io.tierline.ticket.TicketEvents.TicketCreated;
import io.tierline.ticket.Visibility;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens tickets: validation, requester on first contact, numbering, idempotent retries. */
@Service
public class TicketIntake {

	static final int MAX_BODY = 100_000;

	private final Tickets tickets;
	private final SecretScreen screen;
	private final TicketNumbers numbers;
	private final IdempotencyKeys idempotency;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	TicketIntake(Tickets tickets, SecretScreen screen, TicketNumbers numbers, IdempotencyKeys idempotency,
			AccessManagement access, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.tickets = tickets;
		this.screen = screen;
		this.numbers = numbers;
		this.idempotency = idempotency;
		this.access = access;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}


	@Transactional
	public OpenedTicket open(Caller caller, NewTicket input, Channel defaultChannel, String idempotencyKey) {
		return open(caller, input, defaultChannel, idempotencyKey, null);
	}

	/**
	 * {@code receivedAt} (may be null: now) is when the requester made contact, if that was earlier than
	 * now — a live chat that waited in the queue — so the ticket and its clocks start then.
	 */
	@Transactional
	public OpenedTicket open(Caller caller, NewTicket input, Channel defaultChannel, String idempotencyKey, Instant receivedAt) {
		String requestHash = null;
		if (idempotencyKey != null) {
			var check = new InputCheck();
			check.text(idempotencyKey, "Idempotency-Key", 200, true);
			check.throwIfInvalid();
			requestHash = io.tierline.common.Sha256.hex(json.writeValueAsString(input));
			Optional<OpenedTicket> earlier = idempotency.earlier(caller.userId(), idempotencyKey, requestHash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			idempotency.claim(caller.userId(), idempotencyKey, requestHash, clock.instant());
		}
		long id = open(caller, input, defaultChannel, receivedAt);
		if (idempotencyKey != null) {
			idempotency.complete(caller.userId(), idempotencyKey, id);
		}
		return new OpenedTicket(id, false);
	}

	private long open(Caller caller, NewTicket input, Channel defaultChannel, Instant receivedAt) {
		var check = new InputCheck();
		ClientRef client = check.lookup(input.client(), clientFor(caller), "client", "client");
		check.require(input.client() != null && !input.client().isBlank(), "client", "must not be blank");
		String subjectText = check.text(input.subject(), "subject", 300, true);
		String description = check.text(input.description(), "description", MAX_BODY, false);
		Channel channel = check.enumValue(input.channel(), Channel.class, "channel", defaultChannel);
		Severity severity = check.enumValue(input.severity(), Severity.class, "severity", Severity.P3);
		Tier tier = check.enumValue(input.tier(), Tier.class, "tier", Tier.T1);
		Long categoryId = client == null ? null : check.lookup(input.category(), s -> access.categoryId(client.id(), s), "category", "category");
		Long queueId = client == null ? null : check.lookup(input.queue(), s -> access.queueId(client.id(), s), "queue", "queue");
		Long productId = client == null ? null : check.lookup(input.product(), s -> access.productId(client.id(), s), "product", "product");
		Map<String, Object> customFields = customFields(check, input.customFields());
		List<String> tags = tags(check, input.tags());
		boolean forSelf = client != null && !staffOf(caller, client.id());
		String email = forSelf ? caller.email() : input.requester() == null ? null : input.requester().email();
		if (!forSelf) {
			check.require(email != null && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && email.length() <= 320,
					"requester.email", "must be an e-mail address");
			check.text(input.requester() == null ? null : input.requester().name(), "requester.name", 200, false);
		}
		check.throwIfInvalid();
		if (!forSelf) {
			caller.requireMayChangeTicketsOf(client.id());
		}
		UserRef requester = forSelf ? access.user(caller.userId())
				: access.requesterFor(client.id(), email, input.requester().name());
		Instant now = receivedAt != null && receivedAt.isBefore(clock.instant()) ? receivedAt : clock.instant();
		Masked subject = screen.mask(subjectText);
		Ticket ticket = Ticket.create(client.id(), numbers.next(client.id()), requester.id(), fit(subject.text(), 300), channel,
				severity, categoryId, tier, queueId, null, caller.userId(), now);
		Masked fields = screen.maskValues(customFields);
		tickets.insertRow(ticket, null, productId, customFields == null ? null : json.writeValueAsString(customFields));
		if (subject.any()) {
			tickets.subjectMasked(ticket.id(), SecretScreen.column(subject));
			SecretScreen.record(ticket, subject, "subject", null, null, caller.userId(), now);
		}
		SecretScreen.record(ticket, fields, "customFields", null, null, caller.userId(), now);
		if (!tags.isEmpty()) {
			tickets.replaceTags(ticket.id(), tags);
		}
		if (description != null) {
			long messageId = screen.insertMessage(ticket, requester.id(), Visibility.PUBLIC, null, description,
					Messages.State.SENT, now);
			ticket.recordEvent(EventType.MESSAGE, requester.id(), now, Ticket.data("visibility", Visibility.PUBLIC, "messageId", messageId));
		}
		tickets.appendEvents(ticket);
		events.publishEvent(new TicketCreated(ticket.id(), client.id(), channel, severity, tier, now));
		events.publishEvent(new AuditEvent(client.id(), caller.userId(), caller.email(), "TICKET_CREATED", ticket.id(),
				client.ticketPrefix() + "-" + ticket.number(), null,
				Map.of("subject", ticket.subject(), "channel", channel, "severity", severity, "tier", tier)));
		return ticket.id();
	}

	/** SPEC §2: a requester's reply after the reopen window opens a follow-up linked to the old ticket. */
	Ticket openFollowUp(Ticket original, long requesterId, String body, Instant at) {
		Ticket followUp = Ticket.create(original.clientId(), numbers.next(original.clientId()), requesterId,
				followUpSubject(original.subject()), original.channel(), original.severity(), original.categoryId(), Tier.T1,
				original.queueId(), original.id(), requesterId, at);
		tickets.insert(followUp, null);
		long messageId = screen.insertMessage(followUp, requesterId, Visibility.PUBLIC, null, body, Messages.State.SENT, at);
		followUp.recordEvent(EventType.MESSAGE, requesterId, at, Ticket.data("visibility", Visibility.PUBLIC, "messageId", messageId));
		tickets.update(followUp);
		original.recordEvent(EventType.FOLLOW_UP_CREATED, requesterId, at, Ticket.data("followUp", followUp.id()));
		tickets.update(original);
		events.publishEvent(new TicketCreated(followUp.id(), followUp.clientId(), followUp.channel(), followUp.severity(), Tier.T1, at));
		events.publishEvent(new FollowUpCreated(followUp.id(), followUp.clientId(), original.id(), at));
		events.publishEvent(new MessagePosted(followUp.id(), followUp.clientId(), messageId, requesterId, true, Visibility.PUBLIC, null, at));
		return followUp;
	}

	private static String followUpSubject(String subject) {
		return fit(subject.startsWith("Follow-up: ") ? subject : "Follow-up: " + subject, 300);
	}

	/** A masked subject may be longer than the one typed; the column holds 300 characters. */
	private static String fit(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

	/** Clients the caller may open tickets for; any other client is "unknown" to them. */
	private java.util.function.Function<String, Optional<ClientRef>> clientFor(Caller caller) {
		return slug -> access.clientBySlug(slug)
			.filter(c -> staffOf(caller, c.id()) || caller.has(Role.AUDITOR, c.id()) || caller.has(Role.REQUESTER, c.id()));
	}

	private static boolean staffOf(Caller caller, long clientId) {
		return caller.isProviderAdmin() || caller.isClientAdmin(clientId) || caller.worksFor(clientId);
	}

	/** A flat object of at most 50 text, number or boolean values, to be stored as JSON; null when none. */
	private static Map<String, Object> customFields(InputCheck check, Map<String, Object> fields) {
		if (fields == null || fields.isEmpty()) {
			return null;
		}
		check.require(fields.size() <= 50, "customFields", "at most 50 fields");
		fields.forEach((key, value) -> {
			check.require(key.matches("[A-Za-z][A-Za-z0-9_.-]{0,59}"), "customFields." + key, "names are 1-60 letters, digits or _.-");
			check.require(value == null || value instanceof String || value instanceof Number || value instanceof Boolean,
					"customFields." + key, "must be text, a number or a boolean");
			check.require(!(value instanceof String s) || s.length() <= 1000, "customFields." + key, "must be at most 1000 characters");
		});
		return new java.util.LinkedHashMap<>(fields);
	}

	static List<String> tags(InputCheck check, List<String> raw) {
		if (raw == null) {
			return List.of();
		}
		var tags = new TreeSet<String>();
		for (String tag : raw) {
			String t = tag == null ? "" : tag.strip().toLowerCase();
			check.require(t.matches("[a-z0-9][a-z0-9_.:-]{0,59}"), "tags", "each tag is 1-60 letters, digits or _.:-");
			tags.add(t);
		}
		check.require(tags.size() <= 30, "tags", "at most 30 tags");
		return List.copyOf(tags);
	}


}
