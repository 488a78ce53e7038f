package io.tierline.common;

/**
 * An action to record in the audit log (SPEC §1). Modules publish it inside the transaction of
 * the action; the audit module writes it in that same transaction, so an action and its
 * record commit or roll back together.
 *
 * @param orgId    the organization whose log holds the entry (the ticket's client, or the
 *                 organization administered)
 * @param actorId  null for the system
 * @param ticketId null when the action is not about a ticket
 * @param before   state before the change, serialised to JSON; may be null
 * @param after    state after the change, serialised to JSON; may be null
 */
public record AuditEvent(long orgId, Long actorId, String actor, String action, Long ticketId, String target,
		Object before, Object after) {
}
