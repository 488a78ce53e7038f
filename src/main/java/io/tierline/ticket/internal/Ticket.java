package io.tierline.ticket.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tierline.common.ConflictException;
import io.tierline.common.Tier;
import io.tierline.ticket.Channel;
import io.tierline.ticket.EventType;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketStatus;

/**
 * The ticket aggregate: it guards its status machine and reopen window (SPEC §2) and records
 * an event for every change it accepts. Services orchestrate; the ticket decides.
 */
public class Ticket {

	private static final Map<TicketStatus, Set<TicketStatus>> TRANSITIONS = Map.of(
			TicketStatus.NEW, EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED),
			TicketStatus.OPEN, EnumSet.of(TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED),
			TicketStatus.PENDING, EnumSet.of(TicketStatus.OPEN, TicketStatus.ON_HOLD, TicketStatus.SOLVED),
			TicketStatus.ON_HOLD, EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.SOLVED),
			TicketStatus.SOLVED, EnumSet.of(TicketStatus.OPEN, TicketStatus.CLOSED),
			TicketStatus.CLOSED, EnumSet.noneOf(TicketStatus.class));

	/** What a requester's reply does to the ticket. */
	public enum RequesterReply {
		/** the conversation goes on in this ticket */
		CONTINUES,
		/** a solved ticket inside its reopen window: reopened */
		REOPENS,
		/** past the reopen window, or closed: the reply opens a follow-up ticket */
		NEEDS_FOLLOW_UP
	}

	private Long id;
	private final long clientId;
	private final long number;
	private final long requesterId;
	private final String subject;
	private final Channel channel;
	private Severity severity;
	private Long categoryId;
	private Tier tier;
	private Long queueId;
	private Long assigneeId;
	private TicketStatus status;
	private final Long followUpOf;
	private final Instant createdAt;
	private Instant updatedAt;
	private Instant solvedAt;
	private int version;
	private final List<RecordedEvent> events = new ArrayList<>();

	Ticket(Long id, long clientId, long number, long requesterId, String subject, Channel channel, Severity severity,
			Long categoryId, Tier tier, Long queueId, Long assigneeId, TicketStatus status, Long followUpOf,
			Instant createdAt, Instant updatedAt, Instant solvedAt, int version) {
		this.id = id;
		this.clientId = clientId;
		this.number = number;
		this.requesterId = requesterId;
		this.subject = subject;
		this.channel = channel;
		this.severity = severity;
		this.categoryId = categoryId;
		this.tier = tier;
		this.queueId = queueId;
		this.assigneeId = assigneeId;
		this.status = status;
		this.followUpOf = followUpOf;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.solvedAt = solvedAt;
		this.version = version;
	}

	/** A new ticket, recording its CREATED event. */
	static Ticket create(long clientId, long number, long requesterId, String subject, Channel channel, Severity severity,
			Long categoryId, Tier tier, Long queueId, Long followUpOf, Long actorId, Instant at) {
		var ticket = new Ticket(null, clientId, number, requesterId, subject, channel, severity, categoryId, tier, queueId,
				null, TicketStatus.NEW, followUpOf, at, at, null, 0);
		ticket.record(EventType.CREATED, actorId, at, data("channel", channel, "severity", severity, "tier", tier,
				"followUpOf", followUpOf));
		return ticket;
	}

	public void changeStatus(TicketStatus to, Long actorId, Instant at) {
		if (to == status) {
			return;
		}
		if (status == TicketStatus.SOLVED && to == TicketStatus.OPEN) {
			reopen(actorId, at);
			return;
		}
		if (!TRANSITIONS.get(status).contains(to)) {
			throw new ConflictException("status", "A " + status + " ticket cannot become " + to);
		}
		TicketStatus from = status;
		status = to;
		if (to == TicketStatus.SOLVED) {
			solvedAt = at;
		}
		touch(at);
		record(EventType.STATUS, actorId, at, data("status", to, "from", from));
	}

	/** Back to OPEN from SOLVED (SPEC §2: a reopen is its own event, which KPIs count). */
	public void reopen(Long actorId, Instant at) {
		if (status != TicketStatus.SOLVED) {
			throw new ConflictException("status", "Only a solved ticket can be reopened; this one is " + status);
		}
		status = TicketStatus.OPEN;
		touch(at);
		record(EventType.REOPENED, actorId, at, data());
		record(EventType.STATUS, actorId, at, data("status", TicketStatus.OPEN, "from", TicketStatus.SOLVED));
	}

	/** SPEC §2: within the reopen window a reply reopens; after it, it opens a follow-up ticket. */
	public RequesterReply requesterReplied(Long requesterUserId, Instant at, int reopenWindowDays) {
		switch (status) {
			case CLOSED:
				return RequesterReply.NEEDS_FOLLOW_UP;
			case SOLVED:
				if (solvedAt != null && at.isAfter(solvedAt.plus(Duration.ofDays(reopenWindowDays)))) {
					return RequesterReply.NEEDS_FOLLOW_UP;
				}
				reopen(requesterUserId, at);
				return RequesterReply.REOPENS;
			case PENDING:
				changeStatus(TicketStatus.OPEN, requesterUserId, at);
				return RequesterReply.CONTINUES;
			default:
				touch(at);
				return RequesterReply.CONTINUES;
		}
	}

	/**
	 * Moves the ticket up to another tier and records ESCALATED (SPEC §3). A ticket never goes
	 * back down this way (T2 owns what it takes) and skips no tier unless the caller's rules
	 * allow it; the escalation template itself is checked by the escalation workflow.
	 *
	 * @param details facts for the event (escalation id, criterion …), stored beside the tiers
	 */
	public void escalate(Tier to, boolean mayskipTiers, Long actorId, Instant at, Map<String, Object> details) {
		requireNotClosed();
		if (status == TicketStatus.SOLVED) {
			throw new ConflictException("status", "A solved ticket is not escalated; reopen it first");
		}
		if (!to.isAbove(tier)) {
			throw new ConflictException("toTier", to == tier ? "The ticket is already at " + to
					: "A ticket does not go back down from " + tier + " to " + to
							+ ": the tier that takes a ticket owns it (only a T3 return sends it back)");
		}
		if (to.ordinal() > tier.ordinal() + 1 && !mayskipTiers) {
			throw new ConflictException("toTier", "A ticket skips no tier: from " + tier + " it goes to "
					+ Tier.values()[tier.ordinal() + 1] + " unless a rule of the client allows " + to);
		}
		Tier from = tier;
		tier = to;
		touch(at);
		Map<String, Object> data = data("fromTier", from, "toTier", to);
		data.putAll(details);
		record(EventType.ESCALATED, actorId, at, data);
	}

	public void escalate(Tier to, Long actorId, Instant at) {
		escalate(to, false, actorId, at, Map.of());
	}

	/**
	 * The receiving tier decided on an escalation (SPEC §3). A return puts the ticket back at
	 * the tier that escalated; that is the only way a ticket goes down a tier.
	 *
	 * @param backTo the escalating tier when returned, null when accepted
	 */
	public void escalationDecided(boolean accepted, Tier backTo, Long actorId, Instant at, Map<String, Object> details) {
		requireNotClosed();
		Map<String, Object> data = data("decision", accepted ? "ACCEPTED" : "RETURNED", "tier", tier);
		if (!accepted) {
			if (backTo == null || !tier.isAbove(backTo)) {
				throw new ConflictException("decision", "The ticket is at " + tier + "; it cannot be returned to " + backTo);
			}
			data.put("fromTier", tier.name());
			data.put("toTier", backTo.name());
			tier = backTo;
		}
		data.putAll(details);
		touch(at);
		record(EventType.ESCALATION_DECIDED, actorId, at, data);
	}

	/** An agent's public reply puts a NEW ticket to work. */
	public void agentReplied(Long actorId, Instant at) {
		requireNotClosed();
		if (status == TicketStatus.NEW) {
			changeStatus(TicketStatus.OPEN, actorId, at);
		}
		touch(at);
	}

	public void noteAdded(Instant at) {
		touch(at);
	}

	public void assign(Long assigneeId, String assigneeEmail, Long actorId, Instant at) {
		assign(assigneeId, assigneeEmail, actorId, at, Map.of());
	}

	/** As {@link #assign(Long, String, Long, Instant)}, the event carrying why (routing: {@code reason}, {@code strategy}). */
	public void assign(Long assigneeId, String assigneeEmail, Long actorId, Instant at, Map<String, Object> because) {
		requireNotClosed();
		if (Objects.equals(this.assigneeId, assigneeId)) {
			return;
		}
		this.assigneeId = assigneeId;
		touch(at);
		Map<String, Object> data = data("assignee", assigneeEmail, "tier", tier);
		data.putAll(because);
		record(EventType.ASSIGNED, actorId, at, data);
	}

	public void changeSeverity(Severity to, Long actorId, Instant at) {
		requireNotClosed();
		if (to == severity) {
			return;
		}
		Severity from = severity;
		severity = to;
		touch(at);
		record(EventType.SEVERITY_CHANGED, actorId, at, data("severity", to, "from", from));
	}

	public void changeCategory(Long categoryId, String slug, Long actorId, Instant at) {
		requireNotClosed();
		if (Objects.equals(this.categoryId, categoryId)) {
			return;
		}
		this.categoryId = categoryId;
		touch(at);
		record(EventType.CATEGORY_CHANGED, actorId, at, data("category", slug));
	}

	/** Moves the ticket to another queue (a lead's choice, or an SLA breach action); {@code because} explains it. */
	public void moveToQueue(Long queueId, String slug, Long actorId, Instant at, Map<String, Object> because) {
		requireNotClosed();
		if (Objects.equals(this.queueId, queueId)) {
			return;
		}
		this.queueId = queueId;
		touch(at);
		Map<String, Object> data = data("queue", slug);
		data.putAll(because);
		record(EventType.QUEUE_CHANGED, actorId, at, data);
	}

	void recordEvent(EventType type, Long actorId, Instant at, Map<String, Object> data) {
		touch(at);
		record(type, actorId, at, data);
	}

	List<RecordedEvent> drainEvents() {
		var drained = List.copyOf(events);
		events.clear();
		return drained;
	}

	private void requireNotClosed() {
		if (status == TicketStatus.CLOSED) {
			throw new ConflictException("status", "The ticket is closed; a new message opens a follow-up ticket");
		}
	}

	private void touch(Instant at) {
		if (updatedAt == null || at.isAfter(updatedAt)) {
			updatedAt = at;
		}
	}

	private void record(EventType type, Long actorId, Instant at, Map<String, Object> data) {
		events.add(new RecordedEvent(type, actorId, at, data));
	}

	static Map<String, Object> data(Object... keyValues) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			if (keyValues[i + 1] != null) {
				data.put((String) keyValues[i], keyValues[i + 1] instanceof Enum<?> e ? e.name() : keyValues[i + 1]);
			}
		}
		return data;
	}

	void assignId(long id) {
		this.id = id;
	}

	void versionSaved() {
		version++;
	}

	public Long id() { return id; }
	public long clientId() { return clientId; }
	public long number() { return number; }
	public long requesterId() { return requesterId; }
	public String subject() { return subject; }
	public Channel channel() { return channel; }
	public Severity severity() { return severity; }
	public Long categoryId() { return categoryId; }
	public Tier tier() { return tier; }
	public Long queueId() { return queueId; }
	public Long assigneeId() { return assigneeId; }
	public TicketStatus status() { return status; }
	public Long followUpOf() { return followUpOf; }
	public Instant createdAt() { return createdAt; }
	public Instant updatedAt() { return updatedAt; }
	public Instant solvedAt() { return solvedAt; }
	public int version() { return version; }
}
