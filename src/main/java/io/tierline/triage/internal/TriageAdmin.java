package io.tierline.triage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.ticket.Severity;
import io.tierline.triage.internal.TriageModels.ModelVersion;
import io.tierline.triage.internal.TriageRules.Rule;
import io.tierline.triage.internal.TriageSettings.Settings;

import org.springframework.stereotype.Service;

/**
 * What a client's admins (and the provider's) do with triage: threshold, rules, training and
 * model versions; admins and auditors read the online accuracy. Anybody else gets 404 for the
 * client, or 403 when they work for it.
 */
@Service
public class TriageAdmin {

	/** A rule as typed: keyword, and at least one of category, queue, severity. */
	public record RuleInput(String keyword, String category, String queue, String severity, Integer position) {
	}

	private final AccessManagement access;
	private final TriageSettings settings;
	private final TriageRules rules;
	private final TriageModels models;
	private final ModelTraining training;
	private final Suggestions suggestions;
	private final Clock clock;

	TriageAdmin(AccessManagement access, TriageSettings settings, TriageRules rules, TriageModels models,
			ModelTraining training, Suggestions suggestions, Clock clock) {
		this.access = access;
		this.settings = settings;
		this.rules = rules;
		this.models = models;
		this.training = training;
		this.suggestions = suggestions;
		this.clock = clock;
	}

	/** The clients whose triage the caller administers. */
	public List<ClientRef> administered(Caller caller) {
		if (!caller.hasScope("admin")) {
			return List.of();
		}
		return access.clients().stream().filter(c -> caller.isProviderAdmin() || caller.isClientAdmin(c.id())).toList();
	}

	public ClientRef adminOf(Caller caller, String clientSlug) {
		ClientRef client = access.clientBySlug(clientSlug).orElseThrow(() -> new NotFoundException("Client " + clientSlug));
		if (caller.isProviderAdmin() || caller.isClientAdmin(client.id())) {
			if (!caller.hasScope("admin")) {
				throw new ForbiddenException("This token lacks the admin scope");
			}
			return client;
		}
		throw refusal(caller, client, "Only the client's admins set up triage");
	}

	private ClientRef reader(Caller caller, String clientSlug) {
		ClientRef client = access.clientBySlug(clientSlug).orElseThrow(() -> new NotFoundException("Client " + clientSlug));
		if (caller.readsWholeClient(client.id())) {
			return client;
		}
		throw refusal(caller, client, "Only the client's admins and auditors read triage accuracy");
	}

	private static RuntimeException refusal(Caller caller, ClientRef client, String message) {
		return caller.worksFor(client.id()) ? new ForbiddenException(message) : new NotFoundException("Client " + client.slug());
	}

	public Settings settings(Caller caller, String client) {
		return settings.of(adminOf(caller, client).id());
	}

	/** A null {@code autoApply} or {@code minExamples} keeps the current value. */
	public Settings saveSettings(Caller caller, String client, Double threshold, Boolean autoApply, Integer minExamples) {
		long id = adminOf(caller, client).id();
		Settings current = settings.of(id);
		minExamples = minExamples == null ? Integer.valueOf(current.minExamples()) : minExamples;
		var check = new InputCheck();
		check.require(threshold != null && threshold >= 0 && threshold <= 1, "threshold", "must be between 0 and 1");
		check.require(minExamples != null && minExamples >= 10 && minExamples <= 100_000, "minExamples", "must be between 10 and 100000");
		check.throwIfInvalid();
		settings.save(new Settings(id, threshold, autoApply == null ? current.autoApply() : autoApply, minExamples));
		return settings.of(id);
	}

	public List<Rule> rules(Caller caller, String client) {
		return rules.of(adminOf(caller, client).id());
	}

	public Rule addRule(Caller caller, String client, RuleInput input) {
		long id = adminOf(caller, client).id();
		Rule rule = validated(id, 0, input, rules.nextPosition(id));
		return rules.find(id, rules.insert(rule)).orElseThrow();
	}

	public Rule updateRule(Caller caller, String client, long ruleId, RuleInput input) {
		long id = adminOf(caller, client).id();
		Rule existing = rules.find(id, ruleId).orElseThrow(() -> new NotFoundException("Rule " + ruleId));
		rules.update(validated(id, ruleId, input, existing.position()));
		return rules.find(id, ruleId).orElseThrow();
	}

	public void deleteRule(Caller caller, String client, long ruleId) {
		long id = adminOf(caller, client).id();
		rules.find(id, ruleId).orElseThrow(() -> new NotFoundException("Rule " + ruleId));
		rules.delete(id, ruleId);
	}

	private Rule validated(long clientId, long ruleId, RuleInput in, int defaultPosition) {
		var check = new InputCheck();
		String keyword = check.text(in.keyword(), "keyword", 200, true);
		String category = blank(in.category()) ? null
				: check.lookup(in.category(), s -> access.categoryId(clientId, s).map(x -> s), "category", "category");
		String queue = blank(in.queue()) ? null : check.lookup(in.queue(), s -> access.queueId(clientId, s).map(x -> s), "queue", "queue");
		Severity severity = check.optionalEnum(blank(in.severity()) ? null : in.severity(), Severity.class, "severity");
		check.require(!blank(in.category()) || !blank(in.queue()) || !blank(in.severity()), "category",
				"give a category, a queue or a severity");
		check.require(in.position() == null || in.position() >= 0, "position", "must not be negative");
		check.throwIfInvalid();
		return new Rule(ruleId, clientId, keyword.strip(), category, queue, severity == null ? null : severity.name(),
				in.position() == null ? defaultPosition : in.position());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	public ModelVersion train(Caller caller, String client) {
		return training.request(adminOf(caller, client).id(), "ON_DEMAND", caller.userId());
	}

	public List<ModelVersion> models(Caller caller, String client, Long before, int limit) {
		return models.list(adminOf(caller, client).id(), before, limit);
	}

	public ModelVersion model(Caller caller, String client, long modelId) {
		long id = adminOf(caller, client).id();
		return models.find(modelId).filter(m -> m.clientId() == id).orElseThrow(() -> new NotFoundException("Model " + modelId));
	}

	/** Suggestions created in the last {@code days} days (default 90). */
	public Suggestions.Accuracy accuracy(Caller caller, String client, Integer days) {
		var check = new InputCheck();
		check.require(days == null || days >= 1 && days <= 3660, "days", "must be between 1 and 3660");
		check.throwIfInvalid();
		long id = reader(caller, client).id();
		Instant now = clock.instant();
		return suggestions.accuracy(id, now.minus(Duration.ofDays(days == null ? 90 : days)), now.plusSeconds(1));
	}
}
