package io.tierline.survey.internal;

import java.time.Clock;
import java.time.Instant;

import io.tierline.common.NotFoundException;
import io.tierline.survey.SurveyEvents.LowScoreReceived;
import io.tierline.ticket.TicketEvents.CsatGiven;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers to surveys through their signed links (no login), and what follows any CSAT answer,
 * however given (link, portal, API): the survey keeps it, and a score of 1 or 2 tells the team
 * leads and enters the QA sample (issue 9).
 */
@Service
public class SurveyAnswers {

	/** A survey as its page shows it; {@code score} and {@code comment} are null until answered. */
	public record SurveyView(String ticketNumber, String subject, String question, String thanks, Integer score, String comment,
			Instant expiresAt, boolean open) {
	}

	private final SurveyLinks links;
	private final Surveys surveys;
	private final SurveyTexts texts;
	private final TicketManagement tickets;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SurveyAnswers(SurveyLinks links, Surveys surveys, SurveyTexts texts, TicketManagement tickets, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.links = links;
		this.surveys = surveys;
		this.texts = texts;
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The survey a link names; a forged or altered link is "not found", like one that never existed. */
	public SurveyView view(String token) {
		Survey survey = survey(token);
		return view(survey, tickets.find(survey.ticketId()).orElseThrow());
	}

	/**
	 * Records (or, within the window, changes) the answer. A link past its window is refused with
	 * 410 Gone — an old link replayed after it expired included — as is the survey of a solve the
	 * ticket has since been reopened from (the new solve has its own survey).
	 */
	@Transactional
	public SurveyView answer(String token, Integer score, String comment) {
		Survey survey = survey(token);
		Instant now = clock.instant();
		if (survey.expiredAt(now)) {
			throw new ResponseStatusException(HttpStatus.GONE, "This survey closed on " + survey.expiresAt());
		}
		if (tickets.solveNumber(survey.ticketId()) != survey.solveNumber()) {
			throw new ResponseStatusException(HttpStatus.GONE, "The ticket was reopened since; its newer solve has a survey of its own");
		}
		tickets.answerSurvey(survey.ticketId(), survey.solveNumber(), score, comment, survey.tier(), survey.answers() > 0);
		return view(token);
	}

	/** Any CSAT answer: kept on its survey; a low score (1-2) newly given tells the leads and enters the QA sample. */
	@EventListener
	void on(CsatGiven e) {
		Integer before = surveys.find(e.ticketId(), e.solveNumber()).map(Survey::score).orElse(null);
		surveys.answered(e.ticketId(), e.solveNumber(), e.score(), e.comment(), e.at());
		if (e.score() <= 2 && (before == null || before > 2)) {
			String number = tickets.find(e.ticketId()).map(TicketView::number).orElse(String.valueOf(e.ticketId()));
			addToQaSample(e, number);
			events.publishEvent(new LowScoreReceived(e.ticketId(), e.clientId(), number, e.score(), e.comment(), e.tier(), e.at()));
		}
	}

	private void addToQaSample(CsatGiven e, String number) {
		String detail = "CSAT " + e.score() + " on solve " + e.solveNumber() + " of " + number;
		int updated = jdbc.sql("update csat_qa_candidates set detail = ?, added_at = ? where ticket_id = ? and reason = 'LOW_CSAT'")
			.params(detail, e.at(), e.ticketId()).update();
		if (updated == 0) {
			jdbc.sql("insert into csat_qa_candidates (ticket_id, client_id, reason, detail, added_at) values (?, ?, 'LOW_CSAT', ?, ?)")
				.params(e.ticketId(), e.clientId(), detail, e.at()).update();
		}
	}

	private Survey survey(String token) {
		SurveyLinks.Claims claims = links.verify(token).orElseThrow(() -> new NotFoundException("No such survey"));
		return surveys.find(claims.ticketId(), claims.solve())
			.filter(s -> s.expiresAt().getEpochSecond() == claims.expiresAt().getEpochSecond())
			.orElseThrow(() -> new NotFoundException("No such survey"));
	}

	private SurveyView view(Survey s, TicketView ticket) {
		SurveyTexts.Text text = texts.of(s.clientId(), s.language());
		return new SurveyView(ticket.number(), text.subject().replace("{ticket}", ticket.number()),
				text.question().replace("{ticket}", ticket.number()), text.thanks(), s.score(), s.comment(), s.expiresAt(),
				!s.expiredAt(clock.instant()) && tickets.solveNumber(s.ticketId()) == s.solveNumber());
	}
}
