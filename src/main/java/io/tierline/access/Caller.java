package io.tierline.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.common.ForbiddenException;
import io.tierline.common.Tier;

/**
 * The person behind a request and everything they are allowed (SPEC §1). Authorization is
 * decided from this in the service layer, once per operation.
 *
 * @param scopes the API token's scopes; null for a session or HTTP Basic (all the user's rights)
 */
public record Caller(long userId, String email, String name, long homeOrgId, Set<OrgRole> roles, List<Grant> grants,
		Map<Long, OnboardingStage> stages, Set<String> scopes) {

	public boolean has(Role role, long orgId) {
		return roles.contains(new OrgRole(orgId, role));
	}

	public boolean hasAnywhere(Role role) {
		return roles.stream().anyMatch(r -> r.role() == role);
	}

	public boolean isProviderAdmin() {
		return hasAnywhere(Role.PROVIDER_ADMIN);
	}

	public boolean isClientAdmin(long clientId) {
		return has(Role.CLIENT_ADMIN, clientId);
	}

	/** Staff of any kind: somebody who works tickets or administers, not only a requester. */
	public boolean isStaff() {
		return roles.stream().anyMatch(r -> r.role() != Role.REQUESTER) || !grants.isEmpty();
	}

	/** Whether the caller reads every ticket of this client (admins and auditors). */
	public boolean readsWholeClient(long clientId) {
		return isProviderAdmin() || isClientAdmin(clientId) || has(Role.AUDITOR, clientId);
	}

	public boolean canSeeTicket(long clientId, Long queueId, Long categoryId, Tier tier, long requesterId) {
		return requesterId == userId || readsWholeClient(clientId)
				|| grants.stream().anyMatch(g -> g.covers(clientId, queueId, categoryId, tier));
	}

	public boolean worksFor(long clientId) {
		return grants.stream().anyMatch(g -> g.clientId() == clientId);
	}

	/** Stage for a client; INDEPENDENT unless onboarding says otherwise. */
	public OnboardingStage stageAt(long clientId) {
		return stages.getOrDefault(clientId, OnboardingStage.INDEPENDENT);
	}

	public boolean canApproveRepliesOf(long clientId) {
		return isProviderAdmin() || isClientAdmin(clientId)
				|| (hasAnywhere(Role.TEAM_LEAD) && worksFor(clientId) && stageAt(clientId) == OnboardingStage.INDEPENDENT);
	}

	/**
	 * Refuses a change to a ticket of this client by somebody who may only look: auditors,
	 * and agents in their SHADOW stage.
	 */
	public void requireMayChangeTicketsOf(long clientId) {
		if (isProviderAdmin() || isClientAdmin(clientId)) {
			return;
		}
		if (worksFor(clientId) && stageAt(clientId) == OnboardingStage.SHADOW) {
			throw new ForbiddenException("You are in the SHADOW onboarding stage for this client: you may open tickets but not reply or change them");
		}
		if (!worksFor(clientId)) {
			throw new ForbiddenException("Your access to this client is read-only");
		}
	}

	public boolean hasScope(String scope) {
		return scopes == null || scopes.contains(scope);
	}
}
