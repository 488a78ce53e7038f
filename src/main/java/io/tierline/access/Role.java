package io.tierline.access;

/** SPEC §1 roles; each is held within one organization. */
public enum Role {
	REQUESTER, AGENT, TEAM_LEAD, QA_REVIEWER, KNOWLEDGE_REVIEWER, CLIENT_ADMIN, PROVIDER_ADMIN, AUDITOR
}
