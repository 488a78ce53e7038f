package io.tierline.survey.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.tierline.access.AccessManagement;
import io.tierline.access.UserRef;
import io.tierline.survey.SurveyEvents.SurveySent;
import io.tierline.ticket.TicketEvents.TicketStatusChanged;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.TicketView;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue 9: every solve of a ticket sends its requester a survey, in the transaction of the solve
 * (the e-mail is an outbox row the notification module writes alongside). A ticket reopened and
 * solved again gets a new survey for the new solve.
 */
@Component
@EnableConfigurationProperties(SurveyProperties.class)
class SurveyIssuer {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final TicketManagement tickets;
	private final AccessManagement access;
	private final Surveys surveys;
	private final SurveyTexts texts;
	private final SurveyLinks links;
	private final SurveyProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SurveyIssuer(TicketManagement tickets, AccessManagement access, Surveys surveys, SurveyTexts texts, SurveyLinks links, SurveyProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.surveys = surveys;
		this.texts = texts;
		this.links = links;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(TicketStatusChanged e) {
		if (e.to() != TicketStatus.SOLVED) {
			return;
		}
		TicketView ticket = tickets.find(e.ticketId()).orElse(null);
		if (ticket == null) {
			return;
		}
		int solve = tickets.solveNumber(e.ticketId());
		Instant now = clock.instant();
		Instant expires = now.plus(properties.window()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String language = SurveyLanguage.of(ticket);
		long requesterId = requesterId(ticket);
		if (!surveys.insert(ticket.id(), e.clientId(), solve, requesterId, ticket.tier(), language, now, expires)) {
			return;
		}
		SurveyTexts.Text text = texts.of(e.clientId(), language);
		String subject = text.subject().replace("{ticket}", ticket.number());
		events.publishEvent(new SurveySent(ticket.id(), e.clientId(), solve, ticket.requester().email(), subject,
				body(ticket, text, links.url(ticket.id(), solve, expires), expires), now));
	}

	private long requesterId(TicketView ticket) {
		return access.userByEmail(ticket.requester().email()).map(UserRef::id).orElseThrow();
	}

	/** One line per score, each a one-click link; the page behind it takes a comment and a change of mind. */
	private static String body(TicketView ticket, SurveyTexts.Text text, String url, Instant expires) {
		StringBuilder b = new StringBuilder();
		b.append(text.question().replace("{ticket}", ticket.number())).append("\n\n");
		String[] labels = { "", "1 - very dissatisfied", "2 - dissatisfied", "3 - neutral", "4 - satisfied", "5 - very satisfied" };
		for (int score = 5; score >= 1; score--) {
			b.append("  ").append(labels[score]).append(": ").append(url).append("?score=").append(score).append('\n');
		}
		b.append("\nOne click records your answer; you may add a comment or change it until ").append(DAY.format(expires)).append(".\n");
		return b.toString();
	}
}
