package io.tierline.assist.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.Role;
import io.tierline.common.AuditEvent;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.Visibility;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent using a suggestion (what makes it count as useful), and the report of how often each kind was used. */
@Service
public class AssistUsage {

	private final AssistSuggestions suggestions;
	private final AssistAccess assistAccess;
	private final TicketManagement tickets;
	private final AccessManagement access;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AssistUsage(AssistSuggestions suggestions, AssistAccess assistAccess, TicketManagement tickets, AccessManagement access,
			ApplicationEventPublisher events, Clock clock) {
		this.suggestions = suggestions;
		this.assistAccess = assistAccess;
		this.tickets = tickets;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param firstUse false when somebody had used it already (only the first use is counted)
	 * @param next where the agent goes to use it: the similar ticket, the article, the known issue, the
	 *        pre-filled escalate form, or back to the ticket
	 */
	public record Used(long suggestionId, SuggestionKind kind, String ticket, boolean firstUse, String next) {
	}

	/** Counts the suggestion as used (the first use only) and says where it leads; audited. */
	@Transactional
	public Used use(Caller caller, long suggestionId) {
		var s = suggestions.find(suggestionId).orElseThrow(() -> new NotFoundException("Suggestion " + suggestionId));
		var on = onTicketOf(caller, s);
		boolean first = suggestions.markUsed(s.id(), caller.userId(), clock.instant());
		if (first) {
			events.publishEvent(new AuditEvent(s.clientId(), caller.userId(), caller.email(), "ASSIST_SUGGESTION_USED", s.ticketId(),
					"assist-suggestion:" + s.id(), null, Map.of("kind", s.kind(), "target", s.target())));
		}
		return new Used(s.id(), s.kind(), on.ticket().number(), first, next(s, on.ticket().number()));
	}

	/** Posts a summary or a log digest on the ticket as an internal note (and counts it as used). */
	@Transactional
	public Used addAsNote(Caller caller, long suggestionId) {
		var s = suggestions.find(suggestionId).orElseThrow(() -> new NotFoundException("Suggestion " + suggestionId));
		if (s.kind() != SuggestionKind.SUMMARY && s.kind() != SuggestionKind.LOG_DIGEST) {
			throw new ConflictException("suggestion", "Only a thread summary or a log digest can be added as a note");
		}
		var on = onTicketOf(caller, s);
		tickets.post(caller, on.ticket().number(), s.content(), Visibility.INTERNAL, null);
		return use(caller, suggestionId);
	}

	/** The suggestion's content (a reply draft's text) once the caller may see its ticket. */
	public String contentOf(Caller caller, long suggestionId) {
		var s = suggestions.find(suggestionId).orElseThrow(() -> new NotFoundException("Suggestion " + suggestionId));
		onTicketOf(caller, s);
		return s.content();
	}

	/** A suggestion of a ticket the caller cannot see is as unknown as one that does not exist. */
	private AssistAccess.OnTicket onTicketOf(Caller caller, AssistSuggestions.Suggestion s) {
		try {
			return assistAccess.onTicket(caller, String.valueOf(s.ticketId()));
		}
		catch (NotFoundException e) {
			throw new NotFoundException("Suggestion " + s.id());
		}
	}

	private static String next(AssistSuggestions.Suggestion s, String ticket) {
		return switch (s.kind()) {
			case SIMILAR_TICKET -> "/tickets/" + s.target();
			case ARTICLE -> "/knowledge/" + s.target();
			case KNOWN_ISSUE -> "/known-issues/" + s.target();
			case ESCALATION_DRAFT -> s.content();
			case LOG_DIGEST, SUMMARY, REPLY_DRAFT -> "/tickets/" + ticket;
		};
	}

	/** @param useRate used ÷ suggestions, null when there were none */
	public record KindUsage(SuggestionKind kind, long suggestions, long used, Double useRate, long timesShown) {
	}

	public record Report(String client, Instant from, Instant to, List<KindUsage> kinds, long suggestions, long used, Double useRate) {
	}

	/** Per kind, the suggestions first shown over the last {@code days} days and how many were used. */
	public Report report(Caller caller, String clientSlug, Integer days) {
		var check = new InputCheck();
		ClientRef client = check.lookup(clientSlug, access::clientBySlug, "client", "client");
		check.require(clientSlug != null && !clientSlug.isBlank(), "client", "is required");
		check.require(days == null || (days >= 1 && days <= 366), "days", "must be between 1 and 366");
		check.throwIfInvalid();
		if (!mayRead(caller, client.id())) {
			throw caller.worksFor(client.id()) ? new ForbiddenException("The assist report is for admins, auditors and team leads")
					: new NotFoundException("Client " + clientSlug);
		}
		Instant to = clock.instant();
		Instant from = to.minus(Duration.ofDays(days == null ? 30 : days));
		Map<SuggestionKind, AssistSuggestions.KindUsage> byKind = new EnumMap<>(SuggestionKind.class);
		suggestions.usage(client.id(), from, to).forEach(u -> byKind.put(u.kind(), u));
		List<KindUsage> kinds = new ArrayList<>();
		long total = 0;
		long used = 0;
		for (SuggestionKind kind : SuggestionKind.values()) {
			var u = byKind.get(kind);
			long n = u == null ? 0 : u.suggestions();
			long k = u == null ? 0 : u.used();
			kinds.add(new KindUsage(kind, n, k, rate(k, n), u == null ? 0 : u.timesShown()));
			total += n;
			used += k;
		}
		return new Report(client.slug(), from, to, kinds, total, used, rate(used, total));
	}

	private static boolean mayRead(Caller caller, long clientId) {
		return caller.readsWholeClient(clientId) || (caller.hasAnywhere(Role.TEAM_LEAD) && caller.worksFor(clientId));
	}

	private static Double rate(long part, long whole) {
		return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
	}
}
