package io.tierline.escalation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.AuditEvent;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.InvalidInputException;
import io.tierline.common.NotFoundException;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketScope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SPEC §3: once an issue is fixed, one public reply goes to every linked ticket that is still
 * active and that the caller may reply to — under the ticket page's rules (a SUPERVISED agent's
 * replies are held for a lead). Links are walked a page at a time; each ticket's reply commits on
 * its own together with the link's "fix reply sent" mark, so a repeated click answers nobody twice.
 */
@Service
public class KnownIssueBulkReply {

	static final int MAX_BODY = 20_000;
	private static final int PAGE = 100;
	/** The answer names at most this many skipped tickets; the count is always exact. */
	static final int MAX_SKIPS_LISTED = 500;

	private final KnownIssueLibrary library;
	private final KnownIssueLinks links;
	private final KnownIssueAccess rights;
	private final TicketManagement tickets;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final Clock clock;

	KnownIssueBulkReply(KnownIssueLibrary library, KnownIssueLinks links, KnownIssueAccess rights, TicketManagement tickets,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.library = library;
		this.links = links;
		this.rights = rights;
		this.tickets = tickets;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** A ticket the reply did not go to; {@code ticket} is null for one outside the caller's grants (it is not named). */
	public record Skip(String ticket, String reason) {
	}

	public record Result(int replied, int held, int skipped, List<Skip> skips) {
	}

	private enum Outcome {
		REPLIED, HELD, ALREADY
	}

	public Result reply(Caller caller, long issueId, String body) {
		var check = new InputCheck();
		String text = check.text(body, "body", MAX_BODY, true);
		check.throwIfInvalid();
		KnownIssue issue = library.get(caller, issueId);
		if (!issue.status().isFixed()) {
			throw new ConflictException("status", "The bulk reply is for fixed issues; this one is " + issue.status());
		}
		rights.requireWork(caller, issue.clientId());
		TicketScope scope = tickets.staffScope(caller);
		var tally = new Tally();
		long after = 0;
		List<KnownIssueLinks.Target> page;
		do {
			page = links.targets(issueId, scope, after, PAGE);
			for (KnownIssueLinks.Target target : page) {
				replyTo(caller, issueId, target, text, tally);
				after = target.ticketId();
			}
		}
		while (page.size() == PAGE);
		Result result = tally.result();
		transaction.executeWithoutResult(s -> events.publishEvent(new AuditEvent(issue.clientId(), caller.userId(),
				caller.email(), "KNOWN_ISSUE_BULK_REPLY", null, "known-issue/" + issueId, null,
				Map.of("replied", result.replied(), "held", result.held(), "skipped", result.skipped()))));
		return result;
	}

	private void replyTo(Caller caller, long issueId, KnownIssueLinks.Target target, String text, Tally tally) {
		if (!target.visible()) {
			tally.skip(null, "outside your grants");
		}
		else if (!target.status().isActive()) {
			tally.skip(target.ticket(), "the ticket is " + target.status());
		}
		else if (target.alreadyReplied()) {
			tally.skip(target.ticket(), "already received the reply about this fix");
		}
		else {
			try {
				Outcome outcome = transaction.execute(s -> {
					if (!links.claimFixReply(issueId, target.ticketId(), clock.instant())) {
						return Outcome.ALREADY;
					}
					return tickets.replyPublicly(caller, target.ticket(), text).held() ? Outcome.HELD : Outcome.REPLIED;
				});
				tally.count(target.ticket(), outcome);
			}
			catch (ForbiddenException | ConflictException | NotFoundException | InvalidInputException e) {
				tally.skip(target.ticket(), e.getMessage());
			}
		}
	}

	private static final class Tally {

		private int replied;
		private int held;
		private int skipped;
		private final List<Skip> skips = new ArrayList<>();

		void count(String ticket, Outcome outcome) {
			switch (outcome) {
				case REPLIED -> replied++;
				case HELD -> held++;
				case ALREADY -> skip(ticket, "already received the reply about this fix");
			}
		}

		void skip(String ticket, String reason) {
			skipped++;
			if (skips.size() < MAX_SKIPS_LISTED) {
				skips.add(new Skip(ticket, reason));
			}
		}

		Result result() {
			return new Result(replied, held, skipped, List.copyOf(skips));
		}
	}
}
