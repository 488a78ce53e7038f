package io.tierline.escalation.internal;

import java.util.List;
import java.util.Map;

import io.tierline.common.InputCheck;
import io.tierline.common.Tier;
import io.tierline.ticket.Severity;

/**
 * SPEC §3 as checks on an escalation request: the template is complete, the criterion applies,
 * and the move between tiers is one the client's rules allow. Every problem is collected, so the
 * agent fixes them all at once.
 */
final class EscalationRules {

	private EscalationRules() {
	}

	/** Where the ticket stands and what governs it. */
	record Situation(Tier tier, Severity severity, Long categoryId, String categoryName, CategoryPolicy policy,
			EscalationSettings.Settings settings) {
	}

	/** Whether the move may skip a tier: the criterion says so, or a P1 goes straight to T3 where the client allows it. */
	static boolean maySkip(Situation s, Criterion criterion, Tier to) {
		if (criterion != null && criterion.allowsTierSkip()) {
			return true;
		}
		return s.settings().p1DirectToT3() && s.severity() == Severity.P1 && to == Tier.T3;
	}

	static void checkTiers(Situation s, Criterion criterion, Tier to, InputCheck check) {
		if (to == null) {
			return;
		}
		if (!to.isAbove(s.tier())) {
			check.add("toTier", to == s.tier() ? "the ticket is already at " + to
					: "a ticket does not go back down from " + s.tier() + " to " + to
							+ ": the tier that takes a ticket owns it (only a T3 return sends it back)");
			return;
		}
		if (to.ordinal() > s.tier().ordinal() + 1 && !maySkip(s, criterion, to)) {
			check.add("toTier", "a ticket skips no tier: from " + s.tier() + " it goes to " + Tier.values()[s.tier().ordinal() + 1]
					+ (s.severity() == Severity.P1 ? "" : "; only a criterion that allows skipping, or a P1 where the client allows it, goes straight to " + to));
		}
		if (criterion != null && s.policy().beyondOwner(to) && !criterion.suspectedDefect()) {
			check.add("criterion", s.categoryName() + " is owned end-to-end at " + s.policy().ownerTier()
					+ ": only a suspected defect is escalated beyond it");
		}
	}

	static void checkCriterion(Situation s, Criterion criterion, Tier to, Integer customersAffected, InputCheck check) {
		if (criterion == null) {
			return;
		}
		if (!criterion.active()) {
			check.add("criterion", "'" + criterion.code() + "' is no longer in use");
		}
		if (!criterion.appliesTo(s.categoryId())) {
			check.add("criterion", "'" + criterion.code() + "' does not apply to " + s.categoryName());
		}
		if (to != null && !criterion.toTiers().contains(to)) {
			check.add("criterion", "'" + criterion.code() + "' escalates to " + criterion.toTiers() + ", not to " + to);
		}
		if (!criterion.allowsSeverity(s.severity())) {
			check.add("criterion", "'" + criterion.code() + "' is for " + criterion.maxSeverity() + " or more severe; the ticket is " + s.severity());
		}
		if (criterion.minCustomersAffected() != null
				&& (customersAffected == null || customersAffected < criterion.minCustomersAffected())) {
			check.add("customersAffected", "'" + criterion.code() + "' needs at least " + criterion.minCustomersAffected()
					+ " customers affected");
		}
	}

	/** The template fields every escalation carries; reproduction steps only for a suspected defect. */
	static void checkTemplate(Criterion criterion, List<String> stepsAttempted, String errorMessages, String reproductionSteps,
			String customerImpact, InputCheck check) {
		check.require(stepsAttempted != null && !stepsAttempted.isEmpty(), "stepsAttempted",
				"list the steps already attempted, so the next tier does not repeat them");
		if (criterion != null && criterion.suspectedDefect()) {
			check.require(reproductionSteps != null, "reproductionSteps", "are required for a suspected defect");
		}
		check.require(errorMessages != null, "errorMessages", "quote the error messages or log excerpts seen (or say that none appear)");
		check.require(customerImpact != null, "customerImpact", "say who is affected and how");
	}

	static Map<String, String> checkEnvironment(Situation s, Map<String, String> environment, InputCheck check) {
		return s.policy().template().check(environment, check);
	}
}
