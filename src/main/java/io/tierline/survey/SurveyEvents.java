package io.tierline.survey;

import java.time.Instant;

import io.tierline.common.Tier;

/** Facts the survey module publishes; the notification module sends and tells. */
public final class SurveyEvents {

	private SurveyEvents() {
	}

	/** A survey to e-mail to the requester: subject and body in the client's wording and the requester's language. */
	public record SurveySent(long ticketId, long clientId, int solveNumber, String recipient, String subject, String body, Instant at) {
	}

	/** A score of 1 or 2 (issue 9): the team leads hear of it and the ticket enters the QA sample. {@code comment} may be null. */
	public record LowScoreReceived(long ticketId, long clientId, String ticketNumber, int score, String comment, Tier tierOfResolution,
			Instant at) {
	}
}
