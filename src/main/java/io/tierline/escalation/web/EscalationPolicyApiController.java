package io.tierline.escalation.web;

import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.Tier;
import io.tierline.escalation.internal.CaptureField;
import io.tierline.escalation.internal.CategoryPolicy;
import io.tierline.escalation.internal.Criterion;
import io.tierline.escalation.internal.EscalationPolicyAdmin;
import io.tierline.escalation.internal.EscalationSettings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client's tier model (SPEC §3): settings, per-category ownership and capture templates, criteria. */
@RestController
@RequestMapping("/api/v1")
class EscalationPolicyApiController {

	private final EscalationPolicyAdmin admin;
	private final AccessManagement access;

	EscalationPolicyApiController(EscalationPolicyAdmin admin, AccessManagement access) {
		this.admin = admin;
		this.access = access;
	}

	@GetMapping("/clients/{client}/escalation-policy")
	PolicyView policy(Caller caller, @PathVariable String client) {
		return PolicyView.of(admin.policy(caller, client));
	}

	@PutMapping("/clients/{client}/escalation-settings")
	EscalationSettings.Settings settings(Caller caller, @PathVariable String client,
			@RequestBody EscalationPolicyAdmin.SettingsInput body) {
		return admin.saveSettings(caller, client, body);
	}

	@PutMapping("/clients/{client}/categories/{category}/escalation-policy")
	CategoryView category(Caller caller, @PathVariable String client, @PathVariable String category,
			@RequestBody EscalationPolicyAdmin.CategoryPolicyInput body) {
		CategoryPolicy p = admin.saveCategoryPolicy(caller, client, category, body);
		return new CategoryView(category, null, p.handling(), p.ownerTier(), p.template().fields());
	}

	@PostMapping("/clients/{client}/escalation-criteria")
	ResponseEntity<CriterionView> createCriterion(Caller caller, @PathVariable String client,
			@RequestBody EscalationPolicyAdmin.CriterionInput body) {
		Criterion c = admin.createCriterion(caller, client, body);
		return ResponseEntity.status(HttpStatus.CREATED).body(CriterionView.of(c, access.categorySlug(c.categoryId())));
	}

	@PutMapping("/escalation-criteria/{id}")
	CriterionView updateCriterion(Caller caller, @PathVariable long id, @RequestBody EscalationPolicyAdmin.CriterionInput body) {
		return view(admin.updateCriterion(caller, id, body));
	}

	/** Retires the criterion: escalations made on it keep pointing at it. */
	@DeleteMapping("/escalation-criteria/{id}")
	CriterionView retireCriterion(Caller caller, @PathVariable long id) {
		return view(admin.retireCriterion(caller, id));
	}

	private CriterionView view(Criterion c) {
		return CriterionView.of(c, access.categorySlug(c.categoryId()));
	}

	record PolicyView(String client, EscalationSettings.Settings settings, List<CategoryView> categories,
			List<CriterionView> criteria) {

		static PolicyView of(EscalationPolicyAdmin.PolicyView p) {
			Map<Long, String> slugs = p.categorySlugs();
			return new PolicyView(p.client().slug(), p.settings(),
					p.categories().stream().map(c -> new CategoryView(c.slug(), c.name(), c.policy().handling(),
							c.policy().ownerTier(), c.policy().template().fields())).toList(),
					p.criteria().stream().map(c -> CriterionView.of(c, c.categoryId() == null ? null : slugs.get(c.categoryId()))).toList());
		}
	}

	record CategoryView(String slug, String name, CategoryPolicy.Handling handling, Tier ownerTier,
			List<CaptureField> environmentTemplate) {
	}

	/** {@code category} is null when the criterion applies to every category. */
	record CriterionView(long id, String code, String name, String description, String category, List<Tier> toTiers,
			boolean suspectedDefect, String maxSeverity, Integer minCustomersAffected, boolean allowsTierSkip, boolean active) {

		static CriterionView of(Criterion c, String categorySlug) {
			return new CriterionView(c.id(), c.code(), c.name(), c.description(), c.categoryId() == null ? null : categorySlug,
					c.toTiers().stream().sorted().toList(), c.suspectedDefect(),
					c.maxSeverity() == null ? null : c.maxSeverity().name(), c.minCustomersAffected(), c.allowsTierSkip(), c.active());
		}
	}
}
