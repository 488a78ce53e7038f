package io.tierline.ticket;

/**
 * Ticket event types. The first ones are those of the SPEC §14 interchange format; the rest
 * record the other changes SPEC §2 asks to keep.
 */
public enum EventType {
	CREATED, ASSIGNED, MESSAGE, STATUS, ESCALATED, ESCALATION_DECIDED, REOPENED, CSAT, TIME_LOGGED, KNOWLEDGE_LINKED,
	SEVERITY_CHANGED, CATEGORY_CHANGED, QUEUE_CHANGED, TAGS_CHANGED, ATTACHMENT_ADDED, REPLY_HELD, REPLY_REJECTED,
	FOLLOW_UP_CREATED, KNOWN_ISSUE_LINKED, KNOWN_ISSUE_UNLINKED, VENDOR_UPDATED,
	SLA_WARNING, SLA_BREACHED,
	/** issue 5: a phone call logged on the ticket (by the telephony webhook or an agent) and an SMS received */
	CALL_LOGGED, SMS_RECEIVED,
	/** SPEC §6: secrets were masked in inbound text; the data names the kinds, counts and where, never a value. */
	SECRETS_MASKED,
	/** issue 7: the path an agent or requester took through a diagnostic tree, and a macro's scripted intent applied */
	DIAGNOSTIC_PATH, MACRO_APPLIED
}
