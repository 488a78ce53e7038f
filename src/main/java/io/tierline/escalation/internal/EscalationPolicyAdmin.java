package io.tierline.escalation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tierline.access.AccessManagement;
import io.tierline.access.AccessManagement.CatalogEntry;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.AuditEvent;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;
import io.tierline.ticket.Severity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's escalation rules as its admins keep them: settings, per-category handling and
 * capture templates, and criteria. Staff of the client read them; the client's admins (and the
 * provider's, who onboard clients) change them. Changes apply to escalations made after them.
 */
@Service
public class EscalationPolicyAdmin {

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final AccessManagement access;
	private final EscalationSettings settings;
	private final CategoryPolicies policies;
	private final Criteria criteria;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EscalationPolicyAdmin(AccessManagement access, EscalationSettings settings, CategoryPolicies policies, Criteria criteria,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.settings = settings;
		this.policies = policies;
		this.criteria = criteria;
		this.events = events;
		this.clock = clock;
	}

	public record CategoryView(String slug, String name, CategoryPolicy policy) {
	}

	public record PolicyView(ClientRef client, EscalationSettings.Settings settings, List<CategoryView> categories,
			List<Criterion> criteria, Map<Long, String> categorySlugs) {
	}

	public record SettingsInput(Boolean p1DirectToT3, Integer knownIssueThreshold, String engineeringContact) {
	}

	public record FieldInput(String key, String label, String type, Boolean required, List<String> options) {
	}

	public record CategoryPolicyInput(String handling, String ownerTier, List<FieldInput> fields) {
	}

	public record CriterionInput(String code, String name, String description, String category, List<String> toTiers,
			Boolean suspectedDefect, String maxSeverity, Integer minCustomersAffected, Boolean allowsTierSkip, Boolean active) {
	}

	public PolicyView policy(Caller caller, String clientSlug) {
		ClientRef client = readable(caller, clientSlug);
		List<CatalogEntry> categories = access.categories(client.id());
		var views = categories.stream().map(c -> new CategoryView(c.slug(), c.name(), policies.of(client.id(), c.id()))).toList();
		Map<Long, String> slugs = new java.util.HashMap<>();
		categories.forEach(c -> slugs.put(c.id(), c.slug()));
		return new PolicyView(client, settings.of(client.id()), views, criteria.ofClient(client.id(), false), slugs);
	}

	@Transactional
	public EscalationSettings.Settings saveSettings(Caller caller, String clientSlug, SettingsInput in) {
		ClientRef client = administered(caller, clientSlug);
		var before = settings.of(client.id());
		var check = new InputCheck();
		int threshold = in.knownIssueThreshold() == null ? before.knownIssueThreshold() : in.knownIssueThreshold();
		check.require(threshold >= 1 && threshold <= 100_000, "knownIssueThreshold", "must be between 1 and 100000");
		String contact = check.text(in.engineeringContact(), "engineeringContact", 320, false);
		check.require(contact == null || EMAIL.matcher(contact).matches(), "engineeringContact", "must be an e-mail address");
		check.throwIfInvalid();
		var after = new EscalationSettings.Settings(client.id(),
				in.p1DirectToT3() == null ? before.p1DirectToT3() : in.p1DirectToT3(), threshold, contact);
		settings.save(after, clock.instant());
		audit(caller, client, "ESCALATION_SETTINGS_CHANGED", "settings", before, after);
		return after;
	}

	@Transactional
	public CategoryPolicy saveCategoryPolicy(Caller caller, String clientSlug, String categorySlug, CategoryPolicyInput in) {
		ClientRef client = administered(caller, clientSlug);
		long categoryId = access.categoryId(client.id(), categorySlug)
			.orElseThrow(() -> new NotFoundException("Category " + categorySlug));
		var check = new InputCheck();
		var handling = check.enumValue(in.handling(), CategoryPolicy.Handling.class, "handling", null);
		Tier owner = check.optionalEnum(in.ownerTier(), Tier.class, "ownerTier");
		if (handling == CategoryPolicy.Handling.OWNED) {
			check.require(owner == Tier.T1 || owner == Tier.T2, "ownerTier", "an owned category is owned end-to-end at T1 or T2");
		}
		else {
			check.require(in.ownerTier() == null || in.ownerTier().isBlank(), "ownerTier", "only an OWNED category has an owner tier");
			owner = null;
		}
		check.require(in.fields() != null, "fields", "list the environment fields an escalation must capture (may be empty)");
		List<CaptureField> fields = new ArrayList<>();
		List<FieldInput> given = in.fields() == null ? List.of() : in.fields();
		for (int i = 0; i < given.size(); i++) {
			FieldInput f = given.get(i);
			CaptureField.Type type = check.enumValue(f.type(), CaptureField.Type.class, "fields[" + i + "].type", null);
			fields.add(new CaptureField(f.key(), f.label(), type, Boolean.TRUE.equals(f.required()), f.options()));
		}
		CaptureTemplate template = CaptureTemplate.validated(fields, check);
		check.throwIfInvalid();
		CategoryPolicy before = policies.of(client.id(), categoryId);
		var after = new CategoryPolicy(categoryId, client.id(), handling, owner, template);
		policies.save(after, clock.instant());
		audit(caller, client, "CATEGORY_POLICY_CHANGED", "category:" + categorySlug, before, after);
		return after;
	}

	@Transactional
	public Criterion createCriterion(Caller caller, String clientSlug, CriterionInput in) {
		ClientRef client = administered(caller, clientSlug);
		Criterion c = criterion(client, 0, in);
		if (criteria.byCode(client.id(), c.code()).isPresent()) {
			throw new ConflictException("code", "A criterion '" + c.code() + "' exists already for " + client.slug());
		}
		long id = criteria.insert(c);
		Criterion saved = criteria.find(id).orElseThrow();
		audit(caller, client, "ESCALATION_CRITERION_CREATED", "criterion:" + c.code(), null, saved);
		return saved;
	}

	@Transactional
	public Criterion updateCriterion(Caller caller, long id, CriterionInput in) {
		Criterion before = criteria.find(id).orElseThrow(() -> new NotFoundException("Criterion " + id));
		ClientRef client = administeredOrHidden(caller, before.clientId(), "Criterion " + id);
		Criterion c = criterion(client, id, in);
		var clash = criteria.byCode(client.id(), c.code());
		if (clash.isPresent() && clash.get().id() != id) {
			throw new ConflictException("code", "A criterion '" + c.code() + "' exists already for " + client.slug());
		}
		criteria.update(c);
		Criterion saved = criteria.find(id).orElseThrow();
		audit(caller, client, "ESCALATION_CRITERION_CHANGED", "criterion:" + c.code(), before, saved);
		return saved;
	}

	/** Escalations keep pointing at their criterion, so a criterion is retired rather than deleted. */
	@Transactional
	public Criterion retireCriterion(Caller caller, long id) {
		Criterion c = criteria.find(id).orElseThrow(() -> new NotFoundException("Criterion " + id));
		ClientRef client = administeredOrHidden(caller, c.clientId(), "Criterion " + id);
		var retired = new Criterion(c.id(), c.clientId(), c.categoryId(), c.code(), c.name(), c.description(), c.toTiers(),
				c.suspectedDefect(), c.maxSeverity(), c.minCustomersAffected(), c.allowsTierSkip(), false);
		criteria.update(retired);
		audit(caller, client, "ESCALATION_CRITERION_RETIRED", "criterion:" + c.code(), c, retired);
		return retired;
	}

	private Criterion criterion(ClientRef client, long id, CriterionInput in) {
		var check = new InputCheck();
		String code = check.text(in.code(), "code", 60, true);
		check.require(code == null || CODE.matcher(code).matches(), "code", "lower-case letters, digits and dashes");
		String name = check.text(in.name(), "name", 200, true);
		String description = check.text(in.description(), "description", 2000, false);
		Long categoryId = check.lookup(in.category(), s -> access.categoryId(client.id(), s), "category", "category");
		Set<Tier> tiers = EnumSet.noneOf(Tier.class);
		check.require(in.toTiers() != null && !in.toTiers().isEmpty(), "toTiers", "name the tiers it escalates to (T2, T3, T4)");
		for (String t : in.toTiers() == null ? List.<String>of() : in.toTiers()) {
			Tier tier = check.enumValue(t, Tier.class, "toTiers", null);
			if (tier != null && !tier.isAbove(Tier.T1)) {
				check.add("toTiers", "escalations go to T2, T3 or T4, not " + tier);
			}
			else if (tier != null) {
				tiers.add(tier);
			}
		}
		Severity maxSeverity = check.optionalEnum(in.maxSeverity(), Severity.class, "maxSeverity");
		check.require(in.minCustomersAffected() == null || in.minCustomersAffected() >= 1, "minCustomersAffected", "must be at least 1");
		check.throwIfInvalid();
		return new Criterion(id, client.id(), categoryId, code, name, description, tiers, Boolean.TRUE.equals(in.suspectedDefect()),
				maxSeverity, in.minCustomersAffected(), Boolean.TRUE.equals(in.allowsTierSkip()), in.active() == null || in.active());
	}

	private ClientRef readable(Caller caller, String clientSlug) {
		ClientRef client = access.clientBySlug(clientSlug == null ? "" : clientSlug)
			.orElseThrow(() -> new NotFoundException("Client " + clientSlug));
		if (!caller.readsWholeClient(client.id()) && !caller.worksFor(client.id())) {
			throw new NotFoundException("Client " + clientSlug);
		}
		return client;
	}

	private ClientRef administered(Caller caller, String clientSlug) {
		ClientRef client = readable(caller, clientSlug);
		requireAdmin(caller, client);
		return client;
	}

	private ClientRef administeredOrHidden(Caller caller, long clientId, String what) {
		ClientRef client = access.organization(clientId);
		if (!caller.readsWholeClient(clientId) && !caller.worksFor(clientId)) {
			throw new NotFoundException(what);
		}
		requireAdmin(caller, client);
		return client;
	}

	private static void requireAdmin(Caller caller, ClientRef client) {
		if (!caller.isProviderAdmin() && !caller.isClientAdmin(client.id())) {
			throw new ForbiddenException("Only " + client.slug() + "'s admins change its escalation rules");
		}
		if (!caller.hasScope("admin")) {
			throw new ForbiddenException("This API token lacks the admin scope");
		}
	}

	private void audit(Caller caller, ClientRef client, String action, String target, Object before, Object after) {
		events.publishEvent(new AuditEvent(client.id(), caller.userId(), caller.email(), action, null, target, before, after));
	}
}
