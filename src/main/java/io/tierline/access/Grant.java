package io.tierline.access;

import io.tierline.common.Tier;

/**
 * Access to the tickets of one client at one tier, optionally narrowed to a queue and a
 * category (null means every queue or every category). A T3 grant also covers tickets waiting
 * on a T4 vendor: the vendor has no login, T3 keeps following the ticket it handed over.
 */
public record Grant(long id, long clientId, Long queueId, Long categoryId, Tier tier) {

	public boolean covers(long clientId, Long queueId, Long categoryId, Tier tier) {
		return this.clientId == clientId && (this.tier == tier || (this.tier == Tier.T3 && tier == Tier.T4))
				&& (this.queueId == null || this.queueId.equals(queueId))
				&& (this.categoryId == null || this.categoryId.equals(categoryId));
	}
}
