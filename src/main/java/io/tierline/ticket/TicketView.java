package io.tierline.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierline.common.Tier;
import io.tierline.masking.SecretKind;

/**
 * A ticket as the API and pages show it. {@code category}, {@code product}, {@code queue}, {@code assignee},
 * {@code followUpOf}, {@code solvedAt} and {@code sla} may be null.
 *
 * @param number the per-client ticket reference, e.g. {@code ACME-1042}
 * @param assignee the assignee's e-mail
 * @param maskedInSubject the kinds of secret masked in the subject when the ticket was opened (SPEC §6); empty when none
 */
public record TicketView(long id, String number, String client, String subject, TicketStatus status, Severity severity,
		Channel channel, Tier tier, String category, String product, String queue, String assignee, Person requester,
		List<String> tags, Map<String, Object> customFields, String followUpOf, Instant createdAt, Instant updatedAt,
		Instant solvedAt, SlaDue sla, List<SecretKind> maskedInSubject) {

	public record Person(String email, String name) {
	}

	/**
	 * The ticket's next due SLA clock as the SLA module last set it; null when no clock runs.
	 * {@code warnAt} is null once the warning has passed.
	 */
	public record SlaDue(String clock, Instant warnAt, Instant dueAt) {
	}
}
