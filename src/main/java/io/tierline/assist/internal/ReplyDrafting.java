package io.tierline.assist.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tierline.access.Caller;
import io.tierline.common.AuditEvent;
import io.tierline.common.ChatCompletions;
import io.tierline.common.ConflictException;
import io.tierline.common.Sha256;
import io.tierline.escalation.KnownIssueCorpus;
import io.tierline.search.SearchDocument.Type;
import io.tierline.search.SearchManagement;
import io.tierline.ticket.TicketThreads;
import io.tierline.ticket.TicketThreads.ThreadMessage;
import io.tierline.ticket.Visibility;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * A draft reply written by the configured OpenAI-compatible endpoint, for the agent to edit and send
 * (nothing is sent by it). The model sees the public thread (secrets were masked when it was stored;
 * internal notes never leave), the best published articles' passages and the workarounds of the
 * known issues found for the ticket. Asking is audited: the ticket's text goes to a third party.
 */
@Service
public class ReplyDrafting {

	static final String SYSTEM = """
			You draft a reply that a support agent will review, edit and send to a customer. Use ONLY the ticket thread, the \
			help-article passages and the known-issue workarounds given; never invent steps, versions, links or promises. If \
			they do not answer the customer, draft a short reply asking for the missing information. Plain text, no Markdown, \
			at most 180 words, no signature.""";
	static final Duration TIMEOUT = Duration.ofSeconds(20);
	static final int PUBLIC_MESSAGES = 12;

	private final AssistAccess access;
	private final TicketThreads threads;
	private final SearchManagement search;
	private final KnownIssueCorpus knownIssues;
	private final ChatCompletions chat;
	private final AssistSuggestions suggestions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ReplyDrafting(AssistAccess access, TicketThreads threads, SearchManagement search, KnownIssueCorpus knownIssues, ChatCompletions chat,
			AssistSuggestions suggestions, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.threads = threads;
		this.search = search;
		this.knownIssues = knownIssues;
		this.chat = chat;
		this.suggestions = suggestions;
		this.events = events;
		this.clock = clock;
	}

	public record Draft(long suggestionId, String ticket, String text) {
	}

	/** 409 when no endpoint is configured, 502 when it does not give a usable answer. Not transactional: it waits on the endpoint. */
	public Draft draft(Caller caller, String ticketRef) {
		var on = access.onTicket(caller, ticketRef);
		if (!chat.enabled()) {
			throw new ConflictException("draft", "No generative endpoint is configured (tierline.assistant.base-url)");
		}
		List<ThreadMessage> thread = threads.newest(on.ticket().id(), 200).stream()
			.filter(m -> m.visibility() == Visibility.PUBLIC).toList();
		String problem = AgentAssist.problemText(on.ticket().subject(), thread);
		String prompt = prompt(caller, on, thread, problem);
		events.publishEvent(new AuditEvent(on.clientId(), caller.userId(), caller.email(), "ASSIST_DRAFT_REQUESTED", on.ticket().id(),
				on.ticket().number(), null, Map.of("characters", prompt.length())));
		String text = chat.complete(SYSTEM, prompt, 500, TIMEOUT).orElseThrow(() -> new ErrorResponseException(HttpStatus.BAD_GATEWAY,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The generative endpoint gave no usable answer; try again or write the reply"),
				null));
		String draft = text.length() > 4000 ? text.substring(0, 4000) : text;
		var offer = new AssistSuggestions.Offer(SuggestionKind.REPLY_DRAFT, Sha256.hex(draft), draft);
		long id = suggestions.shown(on.clientId(), on.ticket().id(), List.of(offer), caller.userId(), clock.instant()).get(offer.key());
		return new Draft(id, on.ticket().number(), draft);
	}

	private String prompt(Caller caller, AssistAccess.OnTicket on, List<ThreadMessage> thread, String problem) {
		var text = new StringBuilder("Ticket ").append(on.ticket().number()).append(": ").append(on.ticket().subject()).append("\n\nThread, oldest first:\n");
		thread.stream().skip(Math.max(0, thread.size() - PUBLIC_MESSAGES)).forEach(m -> text.append('\n')
			.append(m.fromRequester() ? "Customer" : "Support").append(" (").append(m.authorName()).append("):\n")
			.append(cut(m.body(), 1500)).append('\n'));
		text.append("\nHelp-article passages:\n");
		search.searchForStaff(caller, on.clientId(), problem, Type.ARTICLE, "PUBLISHED", 3)
			.forEach(a -> text.append("- \"").append(plain(a.title())).append("\": ").append(plain(a.snippet())).append('\n'));
		text.append("\nKnown issues and workarounds:\n");
		search.searchForStaff(caller, on.clientId(), problem, Type.KNOWN_ISSUE, null, 3)
			.forEach(k -> knownIssues.find(k.id()).ifPresent(issue -> text.append("- ").append(issue.title()).append(" (")
				.append(issue.status()).append("): ").append(issue.workaround() == null ? "no workaround" : cut(issue.workaround(), 800))
				.append('\n')));
		return text.toString();
	}

	/** Search snippets are HTML-escaped with marks; the model gets plain text. */
	private static String plain(String html) {
		return html.replaceAll("</?mark>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&amp;", "&");
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max) + "…" : text;
	}
}
