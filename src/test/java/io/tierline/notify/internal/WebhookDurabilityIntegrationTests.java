package io.tierline.notify.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import io.tierline.access.AccessManagement;
import io.tierline.common.Tier;
import io.tierline.escalation.EscalationEvents.EngineeringRequired;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import io.tierline.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost, nothing doubled: notifications are stored with the fact or not at all; a worker
 * that claimed deliveries and died leaves them to the next after its lease; two workers at once
 * send each delivery exactly once; a worker started later sends what was stored before it.
 */
@IntegrationTest
class WebhookDurabilityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookDeliveries deliveries;

	@Autowired
	WebhookEndpoints endpoints;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	NotifyProperties properties;

	@Autowired
	AccessManagement access;

	@Autowired
	MutableClock clock;

	WebhookReceiver receiver;
	long hook;

	@BeforeEach
	void endpoint() throws Exception {
		receiver = new WebhookReceiver();
		hook = Api.at(port).as("admin@acme.test").post("/api/v1/webhooks", Map.of("url", receiver.url(), "events",
				List.of("engineering.required"))).json().get("id").asLong();
		drain();
	}

	@AfterEach
	void stop() {
		Api.at(port).as("admin@acme.test").patch("/api/v1/webhooks/" + hook, Map.of("active", false));
		receiver.close();
	}

	/** Whatever other tests left due is sent first, so counts below are this test's own. */
	void drain() {
		while (dispatcher.processDue() > 0) {
			// keep going
		}
	}

	EngineeringRequired fact(long escalationId) {
		long acme = access.clientBySlug("acme").orElseThrow().id();
		return new EngineeringRequired(escalationId, 1, acme, "ACME-X" + escalationId, "subject", "P2", null, null, Tier.T2,
				"Confirmed reproducible defect", "impact", null, access.userByEmail("t2@northwind.test").orElseThrow().id(),
				clock.instant());
	}

	long storedFor(long escalationId) {
		return jdbc.sql("select count(*) from webhook_deliveries where endpoint_id = ? and payload like ?")
			.params(hook, "%\"escalationId\":" + escalationId + ",%").query(Long.class).single();
	}

	@Test
	void aRolledBackFactLeavesNoNotificationBehind() {
		long escalationId = 900_000_001L;
		transactions.executeWithoutResult(status -> {
			events.publishEvent(fact(escalationId));
			status.setRollbackOnly();
		});
		assertThat(storedFor(escalationId)).isZero();
		assertThat(jdbc.sql("select count(*) from notifications where title like ?").param("%ACME-X" + escalationId + "%")
			.query(Long.class).single()).isZero();

		transactions.executeWithoutResult(status -> events.publishEvent(fact(escalationId + 1)));
		assertThat(storedFor(escalationId + 1)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notifications where title like ?").param("%ACME-X" + (escalationId + 1) + "%")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void aWorkerStartedLaterSendsWhatWasStoredBeforeIt() {
		long escalationId = 900_000_010L;
		transactions.executeWithoutResult(status -> events.publishEvent(fact(escalationId)));
		assertThat(receiver.received()).isEmpty();
		// a fresh worker, as on a node that has just started: it knows nothing but the table
		var freshNode = new WebhookDispatcher(deliveries, endpoints, properties, clock);
		assertThat(freshNode.processDue()).isEqualTo(1);
		assertThat(receiver.received()).singleElement().satisfies(r -> assertThat(r.body()).contains("ACME-X" + escalationId));
	}

	@Test
	void aWorkerThatDiedAfterClaimingLeavesTheDeliveryToAnotherAfterItsLease() {
		long escalationId = 900_000_020L;
		transactions.executeWithoutResult(status -> events.publishEvent(fact(escalationId)));
		Instant now = clock.instant();
		// a node claims and crashes before sending
		assertThat(deliveries.claim(now, now.plus(properties.lease()), 20)).hasSize(1);
		assertThat(dispatcher.processDue()).isZero();
		clock.advance(properties.lease().plusSeconds(1));
		assertThat(dispatcher.processDue()).isEqualTo(1);
		assertThat(receiver.received()).hasSize(1);
	}

	@Test
	void twoWorkersAtOnceSendEachDeliveryExactlyOnce() throws Exception {
		for (int i = 0; i < 40; i++) {
			long id = 900_001_000L + i;
			transactions.executeWithoutResult(status -> events.publishEvent(fact(id)));
		}
		var nodeA = new WebhookDispatcher(deliveries, endpoints, properties, clock);
		var nodeB = new WebhookDispatcher(deliveries, endpoints, properties, clock);
		Callable<Integer> runA = () -> drainWith(nodeA);
		Callable<Integer> runB = () -> drainWith(nodeB);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(runA);
			var b = pool.submit(runB);
			assertThat(a.get() + b.get()).isEqualTo(40);
		}
		finally {
			pool.shutdown();
		}
		List<String> ids = new ArrayList<>(receiver.received().stream().map(r -> r.header("X-Tierline-Delivery")).toList());
		assertThat(ids).hasSize(40).doesNotHaveDuplicates();
	}

	private static int drainWith(WebhookDispatcher node) {
		int total = 0;
		int sent;
		do {
			sent = node.processDue();
			total += sent;
		} while (sent > 0);
		return total;
	}

}
