package io.tierline.assist.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.assist.internal.AssistSuggestions.Offer;
import io.tierline.assist.internal.Assistance.EscalationSuggestion;
import io.tierline.assist.internal.Assistance.LogFile;
import io.tierline.assist.internal.Assistance.SimilarTicket;
import io.tierline.assist.internal.Assistance.Summary;
import io.tierline.assist.internal.Assistance.SuggestedArticle;
import io.tierline.assist.internal.Assistance.SuggestedKnownIssue;
import io.tierline.common.ChatCompletions;
import io.tierline.common.Sha256;
import io.tierline.common.Tier;
import io.tierline.escalation.EscalationTemplates;
import io.tierline.search.SearchDocument.Type;
import io.tierline.search.SearchManagement;
import io.tierline.ticket.TicketThreads;
import io.tierline.ticket.TicketThreads.ThreadMessage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agent assist suggests for a ticket (issue 8): gathered from search, the known-issue library,
 * the ticket's logs and thread, and recorded as shown so that its use can be counted.
 */
@Service
public class AgentAssist {

	static final int SIMILAR = 5;
	static final int ARTICLES = 5;
	static final int KNOWN_ISSUES = 5;
	static final int THREAD = 200;
	static final int EXCERPT = 400;

	private final AssistAccess access;
	private final TicketThreads threads;
	private final SearchManagement search;
	private final KnownIssueFinder knownIssues;
	private final LogReading logs;
	private final EscalationTemplates templates;
	private final AssistSuggestions suggestions;
	private final ChatCompletions chat;
	private final Clock clock;

	AgentAssist(AssistAccess access, TicketThreads threads, SearchManagement search, KnownIssueFinder knownIssues, LogReading logs,
			EscalationTemplates templates, AssistSuggestions suggestions, ChatCompletions chat, Clock clock) {
		this.access = access;
		this.threads = threads;
		this.search = search;
		this.knownIssues = knownIssues;
		this.logs = logs;
		this.templates = templates;
		this.suggestions = suggestions;
		this.chat = chat;
		this.clock = clock;
	}

	@Transactional
	public Assistance forTicket(Caller caller, String ticketRef) {
		AssistAccess.OnTicket on = access.onTicket(caller, ticketRef);
		List<ThreadMessage> thread = threads.newest(on.ticket().id(), THREAD);
		String problem = problemText(on.ticket().subject(), thread);
		var similar = similarTickets(caller, on, problem);
		var articles = search.searchForStaff(caller, on.clientId(), problem, Type.ARTICLE, "PUBLISHED", ARTICLES);
		var readLogs = logs.of(on.ticket().id());
		var issues = knownIssues.find(caller, on, problem, readLogs);
		ThreadSummary summary = ThreadSummarizer.summarise(thread);
		Map<String, LogDigest> digests = new LinkedHashMap<>();
		readLogs.forEach(l -> digests.put(l.file().filename(), l.digest()));
		EscalationDraft draft = on.ticket().tier().compareTo(Tier.T4) < 0
				? EscalationDrafter.draft(thread, digests, templates.environmentOf(caller, ticketRef)) : null;
		String formUrl = draft == null ? null : EscalationForms.url(on.ticket().number(), draft);

		List<Offer> offers = new ArrayList<>();
		similar.forEach(s -> offers.add(new Offer(SuggestionKind.SIMILAR_TICKET, String.valueOf(s.id()), null)));
		articles.forEach(a -> offers.add(new Offer(SuggestionKind.ARTICLE, String.valueOf(a.id()), null)));
		issues.forEach(k -> offers.add(new Offer(SuggestionKind.KNOWN_ISSUE, String.valueOf(k.id()), null)));
		readLogs.forEach(l -> offers.add(new Offer(SuggestionKind.LOG_DIGEST, String.valueOf(l.file().id()),
				l.digest().asText(l.file().filename()))));
		String summaryText = summary.lines().isEmpty() ? null : summary.asText();
		if (summaryText != null) {
			offers.add(new Offer(SuggestionKind.SUMMARY, Sha256.hex(summaryText), summaryText));
		}
		if (formUrl != null) {
			offers.add(new Offer(SuggestionKind.ESCALATION_DRAFT, Sha256.hex(formUrl), formUrl));
		}
		Map<String, Long> ids = suggestions.shown(on.clientId(), on.ticket().id(), offers, caller.userId(), clock.instant());

		return new Assistance(on.ticket().number(), on.ticket().tier(),
				similar.stream().map(s -> withId(s, ids.get(SuggestionKind.SIMILAR_TICKET + ":" + s.id()))).toList(),
				articles.stream().map(a -> new SuggestedArticle(ids.get(SuggestionKind.ARTICLE + ":" + a.id()), a.id(), a.title(), a.snippet(),
						"/knowledge/" + a.id())).toList(),
				issues.stream().map(k -> k.withSuggestionId(ids.get(SuggestionKind.KNOWN_ISSUE + ":" + k.id()))).toList(),
				readLogs.stream().map(l -> new LogFile(ids.get(SuggestionKind.LOG_DIGEST + ":" + l.file().id()), l.file().id(),
						l.file().filename(), l.file().sizeBytes(), l.digest())).toList(),
				summaryText == null ? null : new Summary(ids.get(SuggestionKind.SUMMARY + ":" + Sha256.hex(summaryText)), summary),
				formUrl == null ? null : new EscalationSuggestion(ids.get(SuggestionKind.ESCALATION_DRAFT + ":" + Sha256.hex(formUrl)), draft,
						formUrl),
				chat.enabled());
	}

	/** The subject and what the requester wrote first: what the ticket is about, for similarity. */
	static String problemText(String subject, List<ThreadMessage> thread) {
		var text = new StringBuilder(subject);
		thread.stream().filter(ThreadMessage::fromRequester).limit(2).forEach(m -> text.append('\n').append(m.body()));
		return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
	}

	private List<SimilarTicket> similarTickets(Caller caller, AssistAccess.OnTicket on, String problem) {
		var hits = search.similarForStaff(caller, on.clientId(), problem, Type.TICKET, SIMILAR + 1).stream()
			.filter(h -> h.id() != on.ticket().id())
			.limit(SIMILAR)
			.toList();
		var resolutions = threads.resolutions(hits.stream().map(SearchManagement.StaffHit::id).toList());
		List<SimilarTicket> similar = new ArrayList<>();
		for (var hit : hits) {
			var r = resolutions.get(hit.id());
			if (r != null) {
				var resolution = r.body() == null ? null : new Assistance.Resolution(r.by(), r.at(), excerpt(r.body()));
				similar.add(new SimilarTicket(0, hit.id(), r.number(), r.subject(), r.status().name(), r.solvedAt(),
						Math.round(hit.score() * 1000) / 1000.0, "/tickets/" + r.number(), resolution));
			}
		}
		return similar;
	}

	private static SimilarTicket withId(SimilarTicket s, long suggestionId) {
		return new SimilarTicket(suggestionId, s.id(), s.number(), s.subject(), s.status(), s.solvedAt(), s.score(), s.url(), s.resolution());
	}

	static String excerpt(String text) {
		String flat = text.strip();
		return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "…" : flat;
	}
}
