package io.tierline.survey.internal;

import java.time.Instant;

import io.tierline.common.Tier;

/** One survey: the question asked after one solve of a ticket. {@code score}, {@code comment} and {@code answeredAt} may be null. */
public record Survey(long id, long ticketId, long clientId, int solveNumber, long requesterId, Tier tier, String language, Instant sentAt,
		Instant expiresAt, Integer score, String comment, Instant answeredAt, int answers) {

	public boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}
}
