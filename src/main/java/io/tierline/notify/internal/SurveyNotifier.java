package io.tierline.notify.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.survey.SurveyEvents.LowScoreReceived;
import io.tierline.survey.SurveyEvents.SurveySent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Issue 9: the CSAT survey e-mail to the requester, and a low score (1-2) told to the client's team leads and webhooks. */
@Component
class SurveyNotifier {

	private final Outbound outbound;
	private final AccessManagement access;

	SurveyNotifier(Outbound outbound, AccessManagement access) {
		this.outbound = outbound;
		this.access = access;
	}

	@EventListener
	void on(SurveySent e) {
		outbound.email(List.of(e.recipient()), e.clientId(), e.subject(), e.body());
	}

	@EventListener
	void on(LowScoreReceived e) {
		outbound.inApp(access.teamLeadsOf(e.clientId()), e.clientId(), "LOW_CSAT",
				"Low CSAT (" + e.score() + " of 5) on " + e.ticketNumber(),
				(e.comment() == null ? "No comment." : "\u201c" + e.comment() + "\u201d") + " Resolved at " + e.tierOfResolution()
						+ "; the ticket is in the QA sample.",
				"/tickets/" + e.ticketNumber());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("ticket", e.ticketNumber());
		data.put("score", e.score());
		data.put("tier", e.tierOfResolution().name());
		outbound.webhook(e.clientId(), "csat.low", data);
	}
}
