package io.tierline.triage.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.NotFoundException;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketManagement.TriageFields;
import io.tierline.ticket.TicketView;
import io.tierline.triage.TicketSuggestion;
import io.tierline.triage.TriageEvents.TicketTriaged;
import io.tierline.triage.internal.TriageRules.Rule;
import io.tierline.triage.internal.model.TextClassifier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests category, queue and severity for a new ticket (the client's model, else the admin's
 * rules; severity from the text), applies it when confident enough, lets an agent accept it with
 * one click, and records whether the ticket was solved with what was suggested.
 */
@Service
public class TicketTriage {

	private final TicketManagement tickets;
	private final AccessManagement access;
	private final ActiveModels models;
	private final TriageRules rules;
	private final TriageSettings settings;
	private final Suggestions suggestions;
	private final TrainingData data;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final io.micrometer.core.instrument.Timer proposing;

	TicketTriage(TicketManagement tickets, AccessManagement access, ActiveModels models, TriageRules rules,
			TriageSettings settings, Suggestions suggestions, TrainingData data, ApplicationEventPublisher events, Clock clock,
			io.micrometer.core.instrument.MeterRegistry meters) {
		// what proposing adds to a new ticket (model or rules, severity phrases); actuator metric
		this.proposing = io.micrometer.core.instrument.Timer.builder("tierline.triage.propose")
			.description("Proposing category, queue and severity for a new ticket").publishPercentiles(0.5, 0.99).register(meters);
		this.tickets = tickets;
		this.access = access;
		this.models = models;
		this.rules = rules;
		this.settings = settings;
		this.suggestions = suggestions;
		this.data = data;
		this.events = events;
		this.clock = clock;
	}

	/** A proposal before it is stored: which fields, how sure, from where. */
	record Proposal(String source, Long modelId, Long ruleId, String category, Double categoryConfidence, String queue,
			Double queueConfidence, String severity, String severityReason) {

		/** The least confidence over the fields proposed; null when nothing but maybe severity is proposed. */
		Double confidence() {
			if (category == null && queue == null) {
				return null;
			}
			return Math.min(category == null ? 1 : categoryConfidence, queue == null ? 1 : queueConfidence);
		}
	}

	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public void ticketCreated(long ticketId, long clientId) {
		if (suggestions.find(ticketId).isPresent()) {
			return;
		}
		TicketView ticket = tickets.find(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId));
		String text = data.ticketText(ticketId);
		Proposal p = proposing.record(() -> propose(clientId, text));
		var clientSettings = settings.of(clientId);
		double threshold = clientSettings.threshold();
		Instant now = clock.instant();
		boolean apply = clientSettings.autoApply() && p.confidence() != null && p.confidence() >= threshold;
		Severity severity = clientSettings.autoApply() ? raises(p.severity(), ticket.severity()) : null;
		TriageFields fields = new TriageFields(apply && ticket.category() == null ? categoryId(clientId, p.category()) : null,
				p.category(), apply && ticket.queue() == null ? queueId(clientId, p.queue()) : null, p.queue(), severity);
		if (fields.categoryId() != null || fields.queueId() != null || fields.severity() != null) {
			tickets.applyTriage(ticketId, fields, null, now, because(p));
		}
		suggestions.insert(new Suggestions.NewSuggestion(ticketId, clientId, p.source(), p.modelId(), p.ruleId(), p.category(),
				p.categoryConfidence(), p.queue(), p.queueConfidence(), p.severity(), p.severityReason(), threshold, apply, now));
		events.publishEvent(new TicketTriaged(ticketId, clientId, p.source(), apply, now));
	}

	Proposal propose(long clientId, String text) {
		var severity = SeverityRules.detect(text);
		var loaded = models.of(clientId);
		if (loaded.isPresent()) {
			var m = loaded.get();
			TextClassifier.Prediction category = m.category().predict(text);
			TextClassifier.Prediction queue = m.queue() == null ? null : m.queue().predict(text);
			return new Proposal("MODEL", m.modelId(), null, category.label(), category.confidence(),
					queue == null ? null : queue.label(), queue == null ? null : queue.confidence(),
					severity.map(s -> s.severity().name()).orElse(null), severity.map(s -> "says “" + s.phrase() + "”").orElse(null));
		}
		Optional<Rule> rule = rules.firstMatch(clientId, text);
		String ruleSeverity = rule.map(Rule::severity).orElse(null);
		String severityName = ruleSeverity != null ? ruleSeverity : severity.map(s -> s.severity().name()).orElse(null);
		String reason = ruleSeverity != null ? "rule “" + rule.get().keyword() + "”"
				: severity.map(s -> "says “" + s.phrase() + "”").orElse(null);
		if (rule.isEmpty() || rule.get().category() == null && rule.get().queue() == null) {
			return new Proposal(rule.isPresent() ? "RULES" : "NONE", null, rule.map(Rule::id).orElse(null), null, null, null,
					null, severityName, reason);
		}
		Rule r = rule.get();
		return new Proposal("RULES", null, r.id(), r.category(), r.category() == null ? null : 1.0, r.queue(),
				r.queue() == null ? null : 1.0, severityName, reason);
	}

	/** The agent's one click: writes the suggestion's fields onto the ticket as the agent's own change. */
	@Transactional
	public TicketSuggestion accept(Caller caller, String ticketRef) {
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new ForbiddenException("Agents accept triage suggestions");
		}
		long clientId = access.clientBySlug(ticket.client()).orElseThrow().id();
		caller.requireMayChangeTicketsOf(clientId);
		TicketSuggestion s = suggestions.find(ticket.id()).orElseThrow(() -> new NotFoundException("Suggestion for " + ticketRef));
		if (s.applied()) {
			throw new ConflictException("suggestion", "was applied already");
		}
		if (!ticket.status().isActive()) {
			throw new ConflictException("ticket", "is " + ticket.status() + "; suggestions apply to open tickets");
		}
		var fields = new TriageFields(changed(s.category(), ticket.category()) ? categoryId(clientId, s.category()) : null,
				s.category(), changed(s.queue(), ticket.queue()) ? queueId(clientId, s.queue()) : null, s.queue(),
				raises(s.severity(), ticket.severity()));
		tickets.applyTriage(ticket.id(), fields, caller.userId(), clock.instant(), Map.of("by", "triage", "acceptedBy", caller.email()));
		suggestions.accepted(ticket.id(), caller.userId());
		return suggestions.find(ticket.id()).orElseThrow();
	}

	/** The ticket was solved: was it solved with the suggested category and queue? Only the first solve counts. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public void ticketSolved(long ticketId) {
		var s = suggestions.find(ticketId);
		if (s.isEmpty() || !"PENDING".equals(s.get().outcome()) || "NONE".equals(s.get().source())) {
			return;
		}
		TicketView ticket = tickets.find(ticketId).orElseThrow();
		boolean kept = (s.get().category() == null || s.get().category().equals(ticket.category()))
				&& (s.get().queue() == null || s.get().queue().equals(ticket.queue()));
		suggestions.decide(ticketId, kept, ticket.category(), ticket.queue(), clock.instant());
	}

	public TicketSuggestion suggestionFor(Caller caller, String ticketRef) {
		TicketView ticket = tickets.visible(caller, ticketRef);
		if (!tickets.isStaffOn(caller, ticket)) {
			throw new NotFoundException("Suggestion for " + ticketRef);
		}
		return suggestions.find(ticket.id()).orElseThrow(() -> new NotFoundException("Suggestion for " + ticketRef));
	}

	private static boolean changed(String suggested, String current) {
		return suggested != null && !Objects.equals(suggested, current);
	}

	private static Severity raises(String suggested, Severity current) {
		if (suggested == null) {
			return null;
		}
		Severity s = Severity.valueOf(suggested);
		return s.ordinal() < current.ordinal() ? s : null;
	}

	private Long categoryId(long clientId, String slug) {
		return slug == null ? null : access.categoryId(clientId, slug).orElse(null);
	}

	private Long queueId(long clientId, String slug) {
		return slug == null ? null : access.queueId(clientId, slug).orElse(null);
	}

	private static Map<String, Object> because(Proposal p) {
		Map<String, Object> because = new LinkedHashMap<>();
		because.put("by", "triage");
		because.put("source", p.source());
		if (p.confidence() != null) {
			because.put("confidence", p.confidence());
		}
		return because;
	}
}
