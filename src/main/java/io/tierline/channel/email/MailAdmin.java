package io.tierline.channel.email;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support mailboxes as the admins keep them — the provider's admins for every client, a client's
 * admins for their own — and the quarantine of mail that could not become a ticket. Anybody else
 * is told a mailbox does not exist. The mailbox password is write-only.
 */
@Service
public class MailAdmin {

	private final Mailboxes mailboxes;
	private final MailQuarantine quarantine;
	private final OutboundMail outbound;
	private final MailIngest ingest;
	private final MailboxPoller poller;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MailAdmin(Mailboxes mailboxes, MailQuarantine quarantine, OutboundMail outbound, MailIngest ingest, MailboxPoller poller,
			AccessManagement access, ApplicationEventPublisher events, Clock clock) {
		this.mailboxes = mailboxes;
		this.quarantine = quarantine;
		this.outbound = outbound;
		this.ingest = ingest;
		this.poller = poller;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** What an admin sends; null fields keep their value on update. */
	public record Input(String client, String address, String imapHost, Integer imapPort, Boolean imapTls, String smtpHost,
			Integer smtpPort, Boolean smtpTls, String username, String password, String folder, Boolean autoAcknowledge,
			Integer senderHourlyLimit, Boolean active) {
	}

	/** A mailbox as shown: everything but the password. */
	public record View(long id, String client, String address, String imapHost, int imapPort, boolean imapTls, String smtpHost,
			int smtpPort, boolean smtpTls, String username, String folder, boolean autoAcknowledge, int senderHourlyLimit,
			boolean active, Long uidValidity, long lastUid, java.time.Instant lastPolledAt, String lastError) {
	}

	public record Held(long id, long mailboxId, Long uid, String messageId, String sender, String subject, String reason, String state,
			java.time.Instant receivedAt, java.time.Instant decidedAt, int sizeBytes) {
	}

	public record Sent(long id, long ticketId, String recipient, String subject, String messageId, String inReplyTo,
			boolean autoSubmitted, String status, int attempts, String lastError, java.time.Instant createdAt,
			java.time.Instant sentAt) {
	}

	public record Retried(long id, String outcome, Long ticketId, String reason) {
	}

	public List<ClientRef> administered(Caller caller) {
		if (!caller.hasScope("admin")) {
			return List.of();
		}
		return access.clients().stream().filter(c -> caller.isProviderAdmin() || caller.isClientAdmin(c.id())).toList();
	}

	public List<View> list(Caller caller) {
		return mailboxes.ofClients(administered(caller).stream().map(ClientRef::id).toList()).stream().map(this::view).toList();
	}

	public View get(Caller caller, long id) {
		return view(mine(caller, id));
	}

	@Transactional
	public View create(Caller caller, Input in) {
		List<ClientRef> mine = administered(caller);
		if (mine.isEmpty()) {
			throw new ForbiddenException("Only the provider's or the client's admins keep support mailboxes");
		}
		var check = new InputCheck();
		ClientRef client = check.lookup(in.client(), slug -> mine.stream().filter(c -> c.slug().equalsIgnoreCase(slug.strip())).findFirst(),
				"client", "client you administer");
		check.require(in.client() != null && !in.client().isBlank(), "client", "must not be blank");
		Mailbox m = settings(in, null, client == null ? 0 : client.id(), check);
		check.throwIfInvalid();
		long id;
		try {
			id = mailboxes.insert(m, clock.instant());
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			throw new ConflictException("address", "A mailbox with this address exists already");
		}
		View created = view(mailboxes.find(id).orElseThrow());
		audit(caller, client.id(), "MAILBOX_CREATED", id, null, describe(created));
		return created;
	}

	@Transactional
	public View update(Caller caller, long id, Input in) {
		Mailbox before = mine(caller, id);
		var check = new InputCheck();
		Mailbox m = settings(in, before, before.clientId(), check);
		check.throwIfInvalid();
		try {
			mailboxes.update(m);
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			throw new ConflictException("address", "A mailbox with this address exists already");
		}
		View after = view(mailboxes.find(id).orElseThrow());
		audit(caller, before.clientId(), "MAILBOX_CHANGED", id, describe(view(before)), describe(after));
		return after;
	}

	/** Reads the mailbox now rather than at the next interval (whichever node holds it may read it too; dedupe makes that safe). */
	public MailboxPoller.Pass pollNow(Caller caller, long id) {
		Mailbox m = mine(caller, id);
		try {
			return poller.poll(m.id());
		}
		catch (MessagingException e) {
			throw new ConflictException("mailbox", "The mail server could not be read: " + e.getMessage());
		}
	}

	public List<Held> quarantine(Caller caller, long mailboxId, String state, Long before, int limit) {
		mine(caller, mailboxId);
		var check = new InputCheck();
		MailQuarantine.State s = check.optionalEnum(state, MailQuarantine.State.class, "state");
		check.throwIfInvalid();
		return quarantine.of(mailboxId, s, before, limit).stream().map(MailAdmin::held).toList();
	}

	public byte[] raw(Caller caller, long heldId) {
		held(caller, heldId);
		return quarantine.raw(heldId);
	}

	public Held held(Caller caller, long heldId) {
		MailQuarantine.Held h = quarantine.find(heldId).orElseThrow(() -> new NotFoundException("Quarantined mail " + heldId));
		mine(caller, h.mailboxId());
		return held(h);
	}

	/** Runs the held mail through intake again (after a fix, or to let a rate-limited sender through); it leaves the quarantine. */
	@Transactional
	public Retried retry(Caller caller, long heldId) {
		Held h = held(caller, heldId);
		if (!quarantine.decide(heldId, MailQuarantine.State.RETRIED, clock.instant())) {
			throw new ConflictException("state", "This mail was retried or discarded already");
		}
		Mailbox mailbox = mailboxes.find(h.mailboxId()).orElseThrow();
		MailIngest.Result result = ingest.retry(mailbox, quarantine.raw(heldId));
		audit(caller, mailbox.clientId(), "MAIL_QUARANTINE_RETRIED", heldId, null, Map.of("outcome", result.outcome().name()));
		return new Retried(heldId, result.outcome().name(), result.ticketId(), result.reason());
	}

	@Transactional
	public void discard(Caller caller, long heldId) {
		Held h = held(caller, heldId);
		if (!quarantine.decide(heldId, MailQuarantine.State.DISCARDED, clock.instant())) {
			throw new ConflictException("state", "This mail was retried or discarded already");
		}
		audit(caller, mailboxes.find(h.mailboxId()).orElseThrow().clientId(), "MAIL_QUARANTINE_DISCARDED", heldId, null, null);
	}

	public List<Sent> outgoing(Caller caller, long mailboxId, Long before, int limit) {
		mine(caller, mailboxId);
		return outbound.ofMailbox(mailboxId, before, limit).stream()
			.map(o -> new Sent(o.id(), o.ticketId(), o.recipient(), o.subject(), o.messageId(), o.inReplyTo(), o.autoSubmitted(), o.status(),
					o.attempts(), o.lastError(), o.createdAt(), o.sentAt()))
			.toList();
	}

	private Mailbox mine(Caller caller, long id) {
		Mailbox m = mailboxes.find(id).orElseThrow(() -> new NotFoundException("Mailbox " + id));
		if (administered(caller).stream().noneMatch(c -> c.id() == m.clientId())) {
			throw new NotFoundException("Mailbox " + id);
		}
		return m;
	}

	private static Mailbox settings(Input in, Mailbox before, long clientId, InputCheck check) {
		boolean creating = before == null;
		String address = pick(check.text(in.address(), "address", 320, creating), before == null ? null : before.address());
		check.require(address == null || address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "address", "must be an e-mail address");
		String imapHost = pick(check.text(in.imapHost(), "imapHost", 200, creating), before == null ? null : before.imapHost());
		String smtpHost = pick(check.text(in.smtpHost(), "smtpHost", 200, creating), before == null ? null : before.smtpHost());
		int imapPort = port(in.imapPort(), before == null ? null : before.imapPort(), "imapPort", check);
		int smtpPort = port(in.smtpPort(), before == null ? null : before.smtpPort(), "smtpPort", check);
		String username = pick(check.text(in.username(), "username", 320, false), before == null ? address : before.username());
		String password = pick(check.text(in.password(), "password", 500, creating), before == null ? null : before.password());
		String folder = pick(check.text(in.folder(), "folder", 200, false), before == null ? "INBOX" : before.folder());
		int limit = in.senderHourlyLimit() != null ? in.senderHourlyLimit() : before == null ? 30 : before.senderHourlyLimit();
		check.require(limit >= 1 && limit <= 10_000, "senderHourlyLimit", "must be between 1 and 10000");
		return new Mailbox(before == null ? 0 : before.id(), clientId, address, imapHost, imapPort,
				flag(in.imapTls(), before == null ? null : before.imapTls(), true), smtpHost, smtpPort,
				flag(in.smtpTls(), before == null ? null : before.smtpTls(), true), username, password, folder,
				flag(in.autoAcknowledge(), before == null ? null : before.autoAcknowledge(), true), limit,
				flag(in.active(), before == null ? null : before.active(), true), null, 0, null, null);
	}

	private static String pick(String given, String before) {
		return given != null ? given : before;
	}

	private static boolean flag(Boolean given, Boolean before, boolean fallback) {
		return given != null ? given : before != null ? before : fallback;
	}

	private static int port(Integer given, Integer before, String field, InputCheck check) {
		Integer port = given != null ? given : before;
		check.require(port != null, field, "must be given");
		check.require(port == null || port >= 1 && port <= 65535, field, "must be between 1 and 65535");
		return port == null ? 0 : port;
	}

	private View view(Mailbox m) {
		return new View(m.id(), access.organization(m.clientId()).slug(), m.address(), m.imapHost(), m.imapPort(), m.imapTls(),
				m.smtpHost(), m.smtpPort(), m.smtpTls(), m.username(), m.folder(), m.autoAcknowledge(), m.senderHourlyLimit(), m.active(),
				m.uidValidity(), m.lastUid(), m.lastPolledAt(), m.lastError());
	}

	private static Held held(MailQuarantine.Held h) {
		return new Held(h.id(), h.mailboxId(), h.uid(), h.messageId(), h.sender(), h.subject(), h.reason(), h.state().name(),
				h.receivedAt(), h.decidedAt(), h.sizeBytes());
	}

	private static Map<String, Object> describe(View v) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("address", v.address());
		d.put("imap", v.imapHost() + ":" + v.imapPort() + (v.imapTls() ? " tls" : ""));
		d.put("smtp", v.smtpHost() + ":" + v.smtpPort() + (v.smtpTls() ? " tls" : ""));
		d.put("username", v.username());
		d.put("folder", v.folder());
		d.put("autoAcknowledge", v.autoAcknowledge());
		d.put("senderHourlyLimit", v.senderHourlyLimit());
		d.put("active", v.active());
		return d;
	}

	private void audit(Caller caller, long clientId, String action, long id, Object before, Object after) {
		events.publishEvent(new AuditEvent(clientId, caller.userId(), caller.email(), action, null, "mailbox:" + id, before, after));
	}
}
