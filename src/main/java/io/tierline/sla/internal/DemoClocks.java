package io.tierline.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tierline.common.Tier;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketStatus;

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
 * Clocks for the demo tickets, which are written straight into the tables (their stories span 60
 * days) without the events that start clocks. Their clocks start within the last few hours, so
 * the queue shows countdowns in every colour rather than a wall of two-month-old breaches.
 */
@Component
@Order(23)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class DemoClocks implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoClocks.class);

	private final JdbcClient jdbc;
	private final ClockEngine engine;
	private final Clock clock;

	DemoClocks(JdbcClient jdbc, ClockEngine engine, Clock clock) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.clock = clock;
	}

	private record DemoTicket(long id, long clientId, String tier, String channel, String severity, String status) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from sla_clocks").query(Long.class).single() > 0) {
			return;
		}
		// demo set-up only: the ticket module has no "every active ticket" API, and should not need one
		List<DemoTicket> active = jdbc.sql("""
				select id, client_id, tier, channel, severity, status from tickets
				where status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') order by id""").query(DemoTicket.class).list();
		Instant now = clock.instant();
		for (DemoTicket t : active) {
			var facts = new ClockEngine.TicketFacts(t.id(), t.clientId(), Tier.valueOf(t.tier()), Channel.valueOf(t.channel()),
					Severity.valueOf(t.severity()));
			Instant started = now.minus(Duration.ofMinutes(t.id() * 37 % 600));
			engine.backfill(facts, TicketStatus.valueOf(t.status()) == TicketStatus.NEW,
					TicketStatus.valueOf(t.status()) == TicketStatus.PENDING, started, now);
		}
		log.info("Demo SLA clocks started for {} active tickets", active.size());
	}
}
