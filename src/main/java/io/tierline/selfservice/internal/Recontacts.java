package io.tierline.selfservice.internal;

import java.time.Duration;
import java.time.Instant;

import io.tierline.access.AccessManagement;
import io.tierline.selfservice.TopicSimilarity;
import io.tierline.ticket.TicketEvents.TicketCreated;
import io.tierline.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SPEC §7 deflection accuracy: a requester who comes back within the window (a new session or a
 * ticket from any channel) on the same topic as a deflection shows that the deflection did not
 * hold; the deflected session records when. "Same topic" is {@link TopicSimilarity} above its threshold.
 */
@Component
class Recontacts {

	private static final Logger log = LoggerFactory.getLogger(Recontacts.class);

	private final SelfServiceSessions sessions;
	private final TopicSimilarity similarity;
	private final TicketManagement tickets;
	private final AccessManagement access;
	private final TransactionTemplate ownTransaction;
	private final Duration window;

	Recontacts(SelfServiceSessions sessions, ObjectProvider<TopicSimilarity> similarity, TicketManagement tickets,
			AccessManagement access, PlatformTransactionManager transactions,
			@Value("${tierline.selfservice.recontact-days:7}") int days,
			@Value("${tierline.selfservice.lexical-threshold:0.35}") double lexicalThreshold) {
		this.sessions = sessions;
		this.similarity = similarity.getIfAvailable(() -> new LexicalSimilarity(lexicalThreshold));
		this.tickets = tickets;
		this.access = access;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.window = Duration.ofDays(days);
	}

	/** A contact by the requester at {@code at}: marks the deflections within the window it repeats. */
	void contact(long requesterId, long clientId, String text, Instant at, String by) {
		for (var deflection : sessions.deflectionsOf(requesterId, clientId, at.minus(window), at)) {
			if (similarity.similarity(deflection.question(), text) >= similarity.sameTopicThreshold()) {
				sessions.recontacted(deflection.id(), at, by);
			}
		}
	}

	/** After the ticket is stored; a failure here must never undo or fail the ticket. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(TicketCreated created) {
		try {
			tickets.find(created.ticketId()).ifPresent(ticket -> access.userByEmail(ticket.requester().email()).ifPresent(requester ->
					ownTransaction.executeWithoutResult(s -> contact(requester.id(), created.clientId(),
							ticket.subject() + "\n" + tickets.textOf(created.ticketId(), 4000), created.at(), "ticket " + ticket.number()))));
		}
		catch (RuntimeException e) {
			log.warn("Could not check ticket {} for a repeated self-service deflection", created.ticketId(), e);
		}
	}
}
