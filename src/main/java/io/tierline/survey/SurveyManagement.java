package io.tierline.survey;

import java.util.Optional;

import io.tierline.survey.internal.SurveyLinks;
import io.tierline.survey.internal.Surveys;

import org.springframework.stereotype.Service;

/** The survey module's API for channels: the link to the survey of a ticket's latest solve (the chat shows it at the end). */
@Service
public class SurveyManagement {

	private final Surveys surveys;
	private final SurveyLinks links;

	SurveyManagement(Surveys surveys, SurveyLinks links) {
		this.surveys = surveys;
		this.links = links;
	}

	/** The signed link to the ticket's open survey; empty when there is none or it expired. */
	public Optional<String> openSurveyLink(long ticketId) {
		return surveys.latestOpen(ticketId).map(links::url);
	}
}
