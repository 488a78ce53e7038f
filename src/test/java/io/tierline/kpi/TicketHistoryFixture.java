package io.tierline.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.tierline.access.AccessManagement;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-written ticket histories for KPI tests: a client of their own (so other tests' tickets never
 * count), tickets and ticket_events inserted as the importer would write them, at moments relative
 * to a fixed start.
 */
public final class TicketHistoryFixture {

	public static final Instant DAY0 = Instant.parse("2026-03-02T09:00:00Z");
	private static final AtomicLong NUMBERS = new AtomicLong();

	private final JdbcClient jdbc;
	public final long clientId;
	final String client;

	public TicketHistoryFixture(JdbcClient jdbc, AccessManagement access) {
		this.jdbc = jdbc;
		this.client = "kpi-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("insert into organizations (slug, name, kind, ticket_prefix, created_at) values (?, ?, 'CLIENT', 'K', ?)")
			.params(client, "KPI " + client, DAY0).update();
		this.clientId = jdbc.sql("select id from organizations where slug = ?").param(client).query(Long.class).single();
		access.organization(clientId); // reloads the directory's cache, which now knows the client
	}

	static Instant at(Duration after) {
		return DAY0.plus(after);
	}

	static Instant days(double days) {
		return DAY0.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
	}

	public long user(String email) {
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	/** A ticket created at {@code at} on T1 with its CREATED event. */
	public long ticket(String channel, Instant at, Long followUpOf) {
		long requester = user("dana@customer.test");
		jdbc.sql("""
				insert into tickets (client_id, number, requester_id, subject, channel, severity, tier, status, follow_up_of, created_at, updated_at)
				values (?, ?, ?, 'KPI fixture', ?, 'P3', 'T1', 'NEW', ?, ?, ?)""")
			.params(clientId, NUMBERS.incrementAndGet(), requester, channel, followUpOf, at, at).update();
		long id = jdbc.sql("select max(id) from tickets where client_id = ?").param(clientId).query(Long.class).single();
		event(id, "CREATED", requester, at, "{\"channel\":\"" + channel + "\",\"severity\":\"P3\",\"tier\":\"T1\"}");
		return id;
	}

	long ticket(Instant at) {
		return ticket("EMAIL", at, null);
	}

	public void event(long ticket, String type, Long actor, Instant at, String data) {
		jdbc.sql("insert into ticket_events (ticket_id, client_id, type, actor_id, at, data) values (?, ?, ?, ?, ?, ?)")
			.params(ticket, clientId, type, actor, at, data).update();
	}

	public void solved(long ticket, String agent, Instant at) {
		event(ticket, "STATUS", user(agent), at, "{\"status\":\"SOLVED\",\"from\":\"OPEN\"}");
	}

	public void reopened(long ticket, Instant at) {
		long requester = user("dana@customer.test");
		event(ticket, "REOPENED", requester, at, null);
		event(ticket, "STATUS", requester, at, "{\"status\":\"OPEN\",\"from\":\"SOLVED\"}");
	}

	public void escalated(long ticket, String agent, String from, String to, Instant at) {
		event(ticket, "ESCALATED", user(agent), at, "{\"fromTier\":\"" + from + "\",\"toTier\":\"" + to + "\"}");
	}

	public void accepted(long ticket, Instant at) {
		event(ticket, "ESCALATION_DECIDED", user("eng@acme.test"), at, "{\"decision\":\"ACCEPTED\",\"tier\":\"T3\"}");
	}

	public void returned(long ticket, String to, Instant at) {
		event(ticket, "ESCALATION_DECIDED", user("eng@acme.test"), at,
				"{\"decision\":\"RETURNED\",\"tier\":\"T3\",\"reason\":\"RESOLVABLE_AT_LOWER_TIER\",\"fromTier\":\"T3\",\"toTier\":\"" + to + "\"}");
	}

	public void returnedForMissingInformation(long ticket, Instant at) {
		event(ticket, "ESCALATION_DECIDED", user("eng@acme.test"), at,
				"{\"decision\":\"RETURNED\",\"tier\":\"T3\",\"reason\":\"MISSING_INFORMATION\",\"fromTier\":\"T3\",\"toTier\":\"T2\"}");
	}

	/** A queue of the client, and the ticket put in it. */
	public long queue(String slug) {
		jdbc.sql("insert into queues (client_id, slug, name) values (?, ?, ?)").params(clientId, slug, "Queue " + slug).update();
		return jdbc.sql("select id from queues where client_id = ? and slug = ?").params(clientId, slug).query(Long.class).single();
	}

	public void inQueue(long ticket, long queue) {
		jdbc.sql("update tickets set queue_id = ? where id = ?").params(queue, ticket).update();
	}

	public void csat(long ticket, int score, Instant at) {
		event(ticket, "CSAT", null, at, "{\"score\":" + score + "}");
	}

	public void timeLogged(long ticket, String agent, String tier, int minutes, Instant at) {
		event(ticket, "TIME_LOGGED", user(agent), at, "{\"tier\":\"" + tier + "\",\"minutes\":" + minutes + "}");
	}

	public void knowledgeLinked(long ticket, String action, Instant at) {
		event(ticket, "KNOWLEDGE_LINKED", user("t2@northwind.test"), at, "{\"article\":\"KB-1\",\"action\":\"" + action + "\"}");
	}

	/** An SLA clock of the ticket and its outcome (MET or BREACHED) at {@code at}, as the SLA module logs it. */
	void slaOutcome(long ticket, String clock, String outcome, Instant at) {
		jdbc.sql("""
				insert into sla_clocks (ticket_id, client_id, clock, tier, channel, severity, target_ms, business_time, warning_percent,
				  state, warned, breached, started_at, elapsed_ms) values (?, ?, ?, 'T1', 'EMAIL', 'P3', 3600000, false, 80, 'STOPPED', false, ?, ?, 0)""")
			.params(ticket, clientId, clock, outcome.equals("BREACHED"), DAY0).update();
		long clockId = jdbc.sql("select max(id) from sla_clocks where ticket_id = ?").param(ticket).query(Long.class).single();
		jdbc.sql("insert into sla_events (clock_id, ticket_id, client_id, clock, tier, channel, severity, type, at) values (?, ?, ?, ?, 'T1', 'EMAIL', 'P3', ?, ?)")
			.params(clockId, ticket, clientId, clock, outcome, at).update();
	}

	void grant(String email, String tier) {
		jdbc.sql("insert into grants (user_id, client_id, tier) values (?, ?, ?)").params(user(email), clientId, tier).update();
	}
}
