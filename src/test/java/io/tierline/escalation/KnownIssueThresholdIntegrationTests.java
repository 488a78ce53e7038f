package io.tierline.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tierline.access.AccessManagement;
import io.tierline.escalation.EscalationEvents.KnownIssueFixed;
import io.tierline.escalation.EscalationEvents.KnownIssueThresholdCrossed;
import io.tierline.escalation.internal.EscalationSettings;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.tierline.escalation.KnownIssueApiIntegrationTests.ISSUES;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.create;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.issue;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.openTicket;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §3: engineering hears once per crossing of the threshold, even under concurrent links; a fix is announced. */
@IntegrationTest
class KnownIssueThresholdIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	EscalationSettings settings;

	@Autowired
	AccessManagement access;

	@Autowired
	JdbcClient jdbc;

	/** Events published while a test runs, from whichever request thread published them. */
	final List<Object> published = new CopyOnWriteArrayList<>();
	final ApplicationListener<PayloadApplicationEvent<?>> listener = e -> published.add(e.getPayload());

	Api t1;
	Api t2;

	@BeforeEach
	void listen() {
		context.addApplicationListener(listener);
		t1 = as("t1@northwind.test");
		t2 = as("t2@northwind.test");
	}

	@AfterEach
	void stopListening() {
		context.removeApplicationListener(listener);
	}

	Api as(String email) {
		return Api.at(port).as(email);
	}

	long newIssue(String title, List<Map<String, String>> signatures) {
		return create(t2, issue(title, signatures)).get("id").asLong();
	}

	String ticket(String subject, String description) {
		return openTicket(t1, "acme", subject, description, "T1").get("number").asString();
	}

	Api.Response link(Api as, long issue, String ticket) {
		return as.post(ISSUES + "/" + issue + "/links", Map.of("ticket", ticket));
	}

	List<KnownIssueThresholdCrossed> crossings(long issue) {
		return published.stream().filter(KnownIssueThresholdCrossed.class::isInstance).map(KnownIssueThresholdCrossed.class::cast)
			.filter(e -> e.knownIssueId() == issue).toList();
	}

	int threshold() {
		return settings.of(access.clientBySlug("acme").orElseThrow().id()).knownIssueThreshold();
	}

	int linkedCount(long issue) {
		return t2.get(ISSUES + "/" + issue).json().get("linkedCount").asInt();
	}

	void fix(long issue, String version) {
		var response = t2.put(ISSUES + "/" + issue, Map.of("title", "fixed issue", "status", "FIXED", "fixedInVersion", version));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	@Test
	void notifiesOnceWhenTheCountReachesTheThresholdAndAgainAfterDroppingBelow() {
		int threshold = threshold();
		long issue = newIssue("threshold " + UUID.randomUUID(), List.of());
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i <= threshold; i++) {
			tickets.add(ticket("threshold " + i + " " + UUID.randomUUID(), "text"));
		}
		for (int i = 0; i < threshold - 1; i++) {
			link(t1, issue, tickets.get(i));
		}
		assertThat(crossings(issue)).isEmpty();
		link(t1, issue, tickets.get(threshold - 1));
		assertThat(crossings(issue)).hasSize(1);
		KnownIssueThresholdCrossed crossed = crossings(issue).get(0);
		assertThat(crossed.linkedCount()).isEqualTo(threshold);
		assertThat(crossed.threshold()).isEqualTo(threshold);
		assertThat(crossed.clientId()).isEqualTo(access.clientBySlug("acme").orElseThrow().id());

		link(t1, issue, tickets.get(threshold));
		link(t1, issue, tickets.get(threshold - 1));
		assertThat(crossings(issue)).hasSize(1);

		t1.delete(ISSUES + "/" + issue + "/links/" + tickets.get(threshold));
		assertThat(crossings(issue)).hasSize(1);
		t1.delete(ISSUES + "/" + issue + "/links/" + tickets.get(threshold - 1));
		assertThat(linkedCount(issue)).isEqualTo(threshold - 1);
		link(t1, issue, tickets.get(threshold));
		assertThat(crossings(issue)).hasSize(2);
		assertThat(jdbc.sql("select count(*) from audit_log where target = ? and action = 'KNOWN_ISSUE_THRESHOLD_CROSSED'")
			.param("known-issue/" + issue).query(Long.class).single()).isEqualTo(2);
	}


	@Test
	void aFixedIssueNotifiesNoOneWhateverItsCount() {
		int threshold = threshold();
		long issue = newIssue("fixed threshold " + UUID.randomUUID(), List.of());
		fix(issue, "5.0.0");
		for (int i = 0; i < threshold; i++) {
			link(t1, issue, ticket("fixed " + i + " " + UUID.randomUUID(), "text"));
		}
		assertThat(linkedCount(issue)).isEqualTo(threshold);
		assertThat(crossings(issue)).isEmpty();
	}


	@Test
	void concurrentLinksPublishExactlyOneCrossing() throws Exception {
		int threshold = threshold();
		long issue = newIssue("race " + UUID.randomUUID(), List.of());
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < threshold + 4; i++) {
			tickets.add(ticket("race " + i + " " + UUID.randomUUID(), "text"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (String ticket : tickets) {
				results.add(pool.submit(() -> {
					start.await();
					return link(t2, issue, ticket).status();
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(linkedCount(issue)).isEqualTo(tickets.size());
		assertThat(crossings(issue)).hasSize(1);
	}


	@Test
	void markingAnIssueFixedTellsHowManyLinkedTicketsAreWaiting() {
		long issue = newIssue("fix news " + UUID.randomUUID(), List.of());
		String open = ticket("waiting " + UUID.randomUUID(), "text");
		String solved = ticket("solved " + UUID.randomUUID(), "text");
		t1.patch("/api/v1/tickets/" + solved, Map.of("status", "SOLVED"));
		link(t1, issue, open);
		link(t1, issue, solved);
		fix(issue, "4.9.0");
		List<KnownIssueFixed> fixed = published.stream().filter(KnownIssueFixed.class::isInstance).map(KnownIssueFixed.class::cast)
			.filter(e -> e.knownIssueId() == issue).toList();
		assertThat(fixed).hasSize(1);
		assertThat(fixed.get(0).fixedInVersion()).isEqualTo("4.9.0");
		assertThat(fixed.get(0).openLinkedTickets()).isEqualTo(1);
		fix(issue, "4.9.1");
		assertThat(published.stream().filter(KnownIssueFixed.class::isInstance)
			.filter(e -> ((KnownIssueFixed) e).knownIssueId() == issue)).hasSize(1);
	}
}
