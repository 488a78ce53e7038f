package io.tierline.escalation.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ConflictException;
import io.tierline.common.InputCheck;
import io.tierline.common.Keyset;
import io.tierline.common.NotFoundException;
import io.tierline.escalation.EscalationEvents.KnownIssueFixed;
import io.tierline.escalation.KnownIssueStatus;
import io.tierline.escalation.KnownIssueSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The known-issue library (SPEC §3): create, read, edit and delete a client's known issues,
 * within the caller's rights; every change is audited in its own transaction.
 */
@Service
public class KnownIssueLibrary {

	private final KnownIssues issues;
	private final KnownIssueLinks links;
	private final KnownIssueAccess rights;
	private final KnownIssueThreshold threshold;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	KnownIssueLibrary(KnownIssues issues, KnownIssueLinks links, KnownIssueAccess rights, KnownIssueThreshold threshold,
			AccessManagement access, ApplicationEventPublisher events, Clock clock) {
		this.issues = issues;
		this.links = links;
		this.rights = rights;
		this.threshold = threshold;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** The list's query as received; every field may be null. */
	public record Query(String client, String status, String text) {
	}

	/** The issue, or "not found" when it is missing or outside the caller's clients. */
	public KnownIssue get(Caller caller, long id) {
		return rights.readable(caller, issues.find(id).orElse(null), id);
	}

	/** The issue with the names its page shows (client, product, author). */
	public KnownIssueDetails details(KnownIssue k) {
		return new KnownIssueDetails(k.id(), access.organization(k.clientId()).slug(), k.title(), k.symptoms(), k.signatures(),
				k.workaround(), k.status(), k.fixedInVersion(), issues.productSlug(k.productId()), k.linkedCount(),
				access.user(k.createdBy()).email(), k.createdAt(), k.updatedAt());
	}

	public Optional<KnownIssueSummary> visible(Caller caller, long id) {
		return issues.summary(id).filter(k -> rights.mayRead(caller, k.clientId()));
	}

	public KnownIssues.Page list(Caller caller, Query query, Keyset after, int limit) {
		var check = new InputCheck();
		ClientRef client = check.lookup(query.client(), access::clientBySlug, "client", "client");
		KnownIssueStatus status = check.optionalEnum(query.status(), KnownIssueStatus.class, "status");
		String text = check.text(query.text(), "q", 200, false);
		check.throwIfInvalid();
		List<Long> clients = rights.readableClients(caller).stream().map(ClientRef::id)
			.filter(id -> client == null || id == client.id()).toList();
		return issues.list(new KnownIssues.Filter(clients, status, text), after, limit);
	}

	@Transactional
	public KnownIssue create(Caller caller, KnownIssueDraft.Input input) {
		var check = new InputCheck();
		check.require(input.client() != null && !input.client().isBlank(), "client", "must not be blank");
		// a client whose library the caller cannot read is as unknown to them as one that does not exist
		ClientRef client = check.lookup(input.client(),
				slug -> access.clientBySlug(slug).filter(c -> !c.provider() && rights.mayRead(caller, c.id())), "client", "client");
		KnownIssueDraft draft = client == null ? null
				: KnownIssueDraft.check(check, input, slug -> access.productId(client.id(), slug), KnownIssueStatus.OPEN);
		check.throwIfInvalid();
		rights.requireEdit(caller, client.id());
		KnownIssue issue = issues.insert(KnownIssue.create(client.id(), draft, caller.userId(), clock.instant()));
		audit(caller, issue, "KNOWN_ISSUE_CREATED", null, issue.snapshot());
		if (issue.status().isFixed()) {
			fixed(issue);
		}
		return issue;
	}

	@Transactional
	public KnownIssue update(Caller caller, long id, KnownIssueDraft.Input input) {
		KnownIssue issue = rights.readable(caller, issues.findForUpdate(id).orElse(null), id);
		var check = new InputCheck();
		if (input.client() != null && !input.client().isBlank()) {
			check.require(input.client().strip().equalsIgnoreCase(access.organization(issue.clientId()).slug()), "client",
					"cannot be changed: a known issue belongs to one client");
		}
		KnownIssueDraft draft = KnownIssueDraft.check(check, input, slug -> access.productId(issue.clientId(), slug), issue.status());
		check.throwIfInvalid();
		return revise(caller, issue, draft);
	}

	/** Changes the status only; {@code fixedInVersion} is required for FIXED and kept otherwise when not given. */
	@Transactional
	public KnownIssue changeStatus(Caller caller, long id, String status, String fixedInVersion) {
		KnownIssue issue = rights.readable(caller, issues.findForUpdate(id).orElse(null), id);
		var check = new InputCheck();
		KnownIssueStatus to = check.enumValue(status, KnownIssueStatus.class, "status", null);
		String version = check.text(fixedInVersion, "fixedInVersion", 60, false);
		version = version == null ? issue.fixedInVersion() : version;
		check.require(to != KnownIssueStatus.FIXED || version != null, "fixedInVersion", "is required when the status is FIXED");
		check.throwIfInvalid();
		return revise(caller, issue, issue.withStatus(to, version));
	}

	@Transactional
	public void delete(Caller caller, long id) {
		KnownIssue issue = get(caller, id);
		rights.requireDelete(caller, issue.clientId());
		if (!issues.deleteUnlinked(id)) {
			throw new ConflictException("linkedCount", "Tickets are linked to this known issue; unlink them before deleting it");
		}
		audit(caller, issue, "KNOWN_ISSUE_DELETED", issue.snapshot(), null);
	}

	private KnownIssue revise(Caller caller, KnownIssue issue, KnownIssueDraft draft) {
		rights.requireEdit(caller, issue.clientId());
		Map<String, Object> before = issue.snapshot();
		boolean wasFixed = issue.status().isFixed();
		boolean becameFixed = issue.revise(draft, clock.instant());
		issues.update(issue);
		audit(caller, issue, "KNOWN_ISSUE_UPDATED", before, issue.snapshot());
		if (becameFixed) {
			fixed(issue);
		}
		else if (wasFixed && !issue.status().isFixed()) {
			// a regression: the tickets still linked may already be past the threshold
			threshold.check(caller, issue);
		}
		return issues.find(issue.id()).orElseThrow(() -> new NotFoundException("Known issue " + issue.id()));
	}

	/** SPEC §3: the fix is news for every open linked ticket; the bulk reply may now reach each of them once. */
	private void fixed(KnownIssue issue) {
		links.disarmThreshold(issue.id());
		links.forgetFixReplies(issue.id());
		events.publishEvent(new KnownIssueFixed(issue.id(), issue.clientId(), issue.title(), issue.fixedInVersion(),
				links.openLinked(issue.id()), clock.instant()));
	}

	private void audit(Caller caller, KnownIssue issue, String action, Object before, Object after) {
		events.publishEvent(new io.tierline.escalation.EscalationEvents.KnownIssueChanged(issue.id(), issue.clientId(),
				after == null, clock.instant()));
		events.publishEvent(new AuditEvent(issue.clientId(), caller.userId(), caller.email(), action, null,
				"known-issue/" + issue.id(), before, after));
	}
}
