package io.tierline.escalation.internal;

import java.util.Set;

import io.tierline.common.Tier;
import io.tierline.ticket.Severity;

/**
 * An escalation criterion a client's admin wrote (SPEC §3), e.g. "confirmed reproducible
 * defect", "needs access tier 2 does not have", "P1 with more than N customers affected".
 *
 * @param categoryId null when it applies to every category
 * @param toTiers the tiers an escalation on this criterion may go to
 * @param suspectedDefect the escalation must carry reproduction steps; it may go beyond a category's owner tier
 * @param maxSeverity only tickets at this severity or more severe (P1 is the most severe); null for any
 * @param minCustomersAffected the escalation must report at least this many customers affected; null for no such rule
 * @param allowsTierSkip an escalation on this criterion may skip a tier (e.g. straight from T1 to T3)
 */
public record Criterion(long id, long clientId, Long categoryId, String code, String name, String description,
		Set<Tier> toTiers, boolean suspectedDefect, Severity maxSeverity, Integer minCustomersAffected,
		boolean allowsTierSkip, boolean active) {

	public boolean appliesTo(Long ticketCategoryId) {
		return categoryId == null || categoryId.equals(ticketCategoryId);
	}

	public boolean allowsSeverity(Severity severity) {
		return maxSeverity == null || severity.ordinal() <= maxSeverity.ordinal();
	}
}
