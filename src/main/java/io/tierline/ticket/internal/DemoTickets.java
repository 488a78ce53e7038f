package io.tierline.ticket.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import io.tierline.access.AccessManagement;
import io.tierline.access.ClientRef;
import io.tierline.access.UserRef;
import io.tierline.common.Tier;
import io.tierline.ticket.Channel;
import io.tierline.ticket.EventType;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketStatus;
import io.tierline.ticket.Visibility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * About 200 demo tickets with believable histories (assignment, acknowledgements, escalations,
 * pending, solves, reopens, closes) spread over the last 60 days. Built through the ticket
 * aggregate with past timestamps, so the history obeys the same rules as live work.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class DemoTickets implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);
	private static final int PER_CLIENT = 100;

	private static final List<List<String>> SUBJECTS = List.of(
			List.of("authentication", "SSO login loops back to the sign-in page", "Password reset e-mail never arrives",
					"MFA code rejected after phone change", "SAML assertion error after IdP certificate rotation"),
			List.of("integrations", "Webhook deliveries failing with 401", "Salesforce sync stopped overnight",
					"API returns 429 although we are under quota", "Slack notifications duplicated"),
			List.of("billing", "Invoice shows the wrong number of seats", "Card declined on renewal",
					"Need a VAT number on our invoices", "Charged twice this month"),
			List.of("performance", "Dashboard takes 40 seconds to load", "Search is slow since the last release",
					"Timeouts exporting reports", "Mobile app freezes on the orders screen"),
			List.of("data-import", "CSV import rejects dates in DD/MM/YYYY", "Import stuck at 99%",
					"Special characters garbled after import", "Duplicate contacts created by import"));

	private final AccessManagement access;
	private final Tickets tickets;
	private final Messages messages;
	private final TicketNumbers numbers;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoTickets(AccessManagement access, Tickets tickets, Messages messages, TicketNumbers numbers, JdbcClient jdbc, Clock clock) {
		this.access = access;
		this.tickets = tickets;
		this.messages = messages;
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		ClientRef acme = access.clientBySlug("acme").orElse(null);
		if (acme == null || jdbc.sql("select count(*) from tickets where client_id = ?").param(acme.id()).query(Long.class).single() > 0) {
			return;
		}
		var random = new Random(42);
		seed(acme, "dana@customer.test", List.of("eng@acme.test"), random);
		seed(access.clientBySlug("globex").orElseThrow(), "sam@shopper.test", List.of(), random);
		log.info("Demo tickets created: {} per client", PER_CLIENT);
	}

	private void seed(ClientRef client, String knownRequester, List<String> tier3, Random random) {
		UserRef t1 = access.userByEmail("t1@northwind.test").orElseThrow();
		UserRef t2 = access.userByEmail("t2@northwind.test").orElseThrow();
		UserRef t3 = tier3.isEmpty() ? null : access.userByEmail(tier3.get(0)).orElseThrow();
		Instant now = clock.instant();
		for (int i = 0; i < PER_CLIENT; i++) {
			UserRef requester = i < 8 ? access.userByEmail(knownRequester).orElseThrow()
					: access.requesterFor(client.id(), "customer" + (i % 30) + "@" + client.slug() + "-customers.test", null);
			List<String> topic = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
			var story = new Story(now, now.minus(Duration.ofMinutes(60 + random.nextInt(60 * 24 * 60))), random);
			Ticket t = Ticket.create(client.id(), numbers.next(client.id()), requester.id(), topic.get(1 + random.nextInt(4)),
					Channel.values()[random.nextInt(Channel.values().length)], severity(random),
					access.categoryId(client.id(), topic.get(0)).orElseThrow(), Tier.T1,
					access.queueId(client.id(), "support").orElseThrow(), null, requester.id(), story.at);
			tickets.insert(t, null);
			message(t, requester, Visibility.PUBLIC, null, "Hello, " + t.subject().toLowerCase() + ". Can you help?", story.at);
			play(t, story, requester, t1, t2, t3);
			tickets.update(t);
		}
	}

	/** Plays one ticket's life forward until its fate or until now. */
	private void play(Ticket t, Story s, UserRef requester, UserRef t1, UserRef t2, UserRef t3) {
		int fate = s.random.nextInt(100);
		if (fate < 10 || !s.advance(5, 90)) {
			return;
		}
		t.assign(t1.id(), t1.email(), t1.id(), s.at);
		message(t, t1, Visibility.PUBLIC, MessageKind.ACKNOWLEDGEMENT, "Thanks for reaching out, we are looking into it.", s.at);
		UserRef owner = t1;
		if (s.random.nextInt(100) < 35 && s.advance(30, 240)) {
			message(t, t1, Visibility.INTERNAL, null, "Scripted checks done, cache cleared, still failing. Escalating.", s.at);
			t.escalate(Tier.T2, t1.id(), s.at);
			t.assign(t2.id(), t2.email(), t2.id(), s.at);
			owner = t2;
			if (t3 != null && s.random.nextInt(100) < 30 && s.advance(60, 600)) {
				t.escalate(Tier.T3, t2.id(), s.at);
				t.assign(t3.id(), t3.email(), t3.id(), s.at);
				owner = t3;
			}
		}
		if (!s.advance(20, 600)) {
			return;
		}
		message(t, owner, Visibility.PUBLIC, MessageKind.SUBSTANTIVE, "We found the cause and applied a fix; please try again.", s.at);
		if (fate < 25) {
			return;
		}
		if (fate < 35) {
			t.changeStatus(TicketStatus.PENDING, owner.id(), s.at);
			return;
		}
		if (fate < 40) {
			t.changeStatus(TicketStatus.ON_HOLD, owner.id(), s.at);
			return;
		}
		t.changeStatus(TicketStatus.SOLVED, owner.id(), s.at);
		if (s.random.nextInt(100) < 12 && s.advance(60, 60 * 48)) {
			message(t, requester, Visibility.PUBLIC, null, "It is happening again, sorry.", s.at);
			t.requesterReplied(requester.id(), s.at, 7);
			if (!s.advance(30, 300)) {
				return;
			}
			message(t, owner, Visibility.PUBLIC, MessageKind.SUBSTANTIVE, "A second fix is deployed; it should hold now.", s.at);
			t.changeStatus(TicketStatus.SOLVED, owner.id(), s.at);
		}
		if (fate >= 65 && s.advance(60 * 24 * 4, 60 * 24 * 5)) {
			t.changeStatus(TicketStatus.CLOSED, null, s.at);
		}
	}

	private void message(Ticket t, UserRef author, Visibility visibility, MessageKind kind, String body, Instant at) {
		long id = messages.insert(t.id(), author.id(), visibility, kind, body, null, Messages.State.SENT, at);
		if (visibility == Visibility.PUBLIC && kind != null) {
			t.agentReplied(author.id(), at);
		}
		t.recordEvent(EventType.MESSAGE, author.id(), at, Ticket.data("visibility", visibility, "kind", kind, "messageId", id));
	}

	private static Severity severity(Random random) {
		int roll = random.nextInt(100);
		return roll < 5 ? Severity.P1 : roll < 20 ? Severity.P2 : roll < 80 ? Severity.P3 : Severity.P4;
	}

	/** The moving "now" of one ticket's story; it never passes the real now. */
	private static final class Story {

		private final Instant limit;
		private final Random random;
		private Instant at;

		Story(Instant limit, Instant start, Random random) {
			this.limit = limit;
			this.at = start;
			this.random = random;
		}

		boolean advance(int minMinutes, int maxMinutes) {
			Instant next = at.plus(Duration.ofMinutes(minMinutes + random.nextInt(maxMinutes - minMinutes + 1)));
			if (next.isAfter(limit)) {
				return false;
			}
			at = next;
			return true;
		}
	}
}
