package io.tierline.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.tierline.notify.internal.EmailSender;
import io.tierline.notify.internal.WebhookDispatcher;
import io.tierline.notify.internal.WebhookSignature;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import io.tierline.support.TestMailServer;
import io.tierline.support.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Engineering required" and returns reach people in-app, by real SMTP (GreenMail) and as signed
 * webhooks to a real local HTTP receiver, with retries; other clients hear nothing.
 */
@IntegrationTest
class NotificationsIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	EmailSender emailSender;

	@Autowired
	MutableClock clock;

	WebhookReceiver acmeReceiver;
	WebhookReceiver globexReceiver;
	long acmeHook;
	long globexHook;
	String acmeSecret;
	String globexSecret;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	@BeforeEach
	void receivers() throws Exception {
		acmeReceiver = new WebhookReceiver();
		globexReceiver = new WebhookReceiver();
		JsonNode acme = as("admin@acme.test").post("/api/v1/webhooks", Map.of("url", acmeReceiver.url(), "events",
				List.of("engineering.required", "escalation.returned"))).json();
		acmeHook = acme.get("id").asLong();
		acmeSecret = acme.get("secret").asString();
		JsonNode globex = as("admin@globex.test").post("/api/v1/webhooks", Map.of("url", globexReceiver.url(), "events",
				List.of("engineering.required", "escalation.returned"))).json();
		globexHook = globex.get("id").asLong();
		globexSecret = globex.get("secret").asString();
	}

	@AfterEach
	void stop() {
		as("admin@acme.test").patch("/api/v1/webhooks/" + acmeHook, Map.of("active", false));
		as("admin@globex.test").patch("/api/v1/webhooks/" + globexHook, Map.of("active", false));
		acmeReceiver.close();
		globexReceiver.close();
	}

	String openAndEscalateToT3() {
		var ticket = as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "acme", "requester",
				Map.of("email", "dana@customer.test"), "subject", "Notify " + UUID.randomUUID(), "severity", "P2", "category",
				"authentication")).json();
		Map<String, Object> body = new HashMap<>(Map.of("stepsAttempted", List.of("Checked"), "environment",
				Map.of("productVersion", "4.12.1", "identityProvider", "Okta", "browser", "Firefox", "accountId", "AC-9"),
				"errorMessages", "InvalidSignature", "reproductionSteps", "Sign in", "customerImpact", "Tenant locked out"));
		body.put("toTier", "T2");
		body.put("criterion", "needs-diagnosis");
		assertThat(as("t1@northwind.test").post("/api/v1/tickets/" + ticket.get("id").asLong() + "/escalations", body).status()).isEqualTo(201);
		body.put("toTier", "T3");
		body.put("criterion", "reproducible-defect");
		assertThat(as("t2@northwind.test").post("/api/v1/tickets/" + ticket.get("id").asLong() + "/escalations", body).status()).isEqualTo(201);
		return ticket.get("number").asString();
	}

	List<JsonNode> notifications(String email, String containing) {
		List<JsonNode> found = new ArrayList<>();
		as(email).get("/api/v1/notifications?limit=200").json().get("items").forEach(n -> {
			if (n.get("title").asString().contains(containing)) {
				found.add(n);
			}
		});
		return found;
	}

	void deliverAll() {
		while (dispatcher.processDue() > 0) {
			// until a round delivers nothing more
		}
	}

	@Test
	void engineeringRequiredReachesTier3InAppByMailAndWebhookAndNobodyElse() throws Exception {
		String number = openAndEscalateToT3();

		List<JsonNode> engineer = notifications("eng@acme.test", number);
		assertThat(engineer).hasSize(1);
		assertThat(engineer.get(0).get("kind").asString()).isEqualTo("ENGINEERING_REQUIRED");
		assertThat(engineer.get(0).get("link").asString()).isEqualTo("/tickets/" + number);
		assertThat(notifications("t1@northwind.test", number)).isEmpty();
		assertThat(notifications("admin@globex.test", number)).isEmpty();

		emailSender.processDue();
		MimeMessage mail = mailTo("engineering@acme.test", number);
		assertThat(mail.getSubject()).contains("Engineering required", number);
		assertThat(GreenMailUtil.getBody(mail)).contains("Tenant locked out");
		assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");

		deliverAll();
		var received = acmeReceiver.of("engineering.required").stream().filter(r -> r.body().contains(number)).toList();
		assertThat(received).hasSize(1);
		var hook = received.get(0);
		assertThat(hook.header("X-Tierline-Signature"))
			.isEqualTo(WebhookSignature.sign(acmeSecret, hook.header("X-Tierline-Timestamp"), hook.body()));
		JsonNode payload = JSON.readTree(hook.body());
		assertThat(payload.get("type").asString()).isEqualTo("engineering.required");
		assertThat(payload.get("client").asString()).isEqualTo("acme");
		assertThat(payload.get("id").asString()).isEqualTo(hook.header("X-Tierline-Delivery"));
		assertThat(payload.get("data").get("ticket").asString()).isEqualTo(number);
		// another client's endpoint hears nothing of it
		assertThat(globexReceiver.received()).noneMatch(r -> r.body().contains(number));
	}

	@Test
	void aReturnTellsTheAgentWhoEscalated() throws Exception {
		String number = openAndEscalateToT3();
		long escalation = as("eng@acme.test").get("/api/v1/tickets/" + number + "/escalations").json().get(1).get("id").asLong();
		as("eng@acme.test").post("/api/v1/escalations/" + escalation + "/decision",
				Map.of("decision", "RETURNED", "reason", "MISSING_INFORMATION", "note", "Send the SAML trace"));
		List<JsonNode> agent = notifications("t2@northwind.test", number);
		assertThat(agent).hasSize(1);
		assertThat(agent.get(0).get("title").asString()).contains("returned to T2", "MISSING_INFORMATION");
		assertThat(agent.get(0).get("body").asString()).isEqualTo("Send the SAML trace");
		emailSender.processDue();
		assertThat(mailTo("t2@northwind.test", number).getSubject()).contains("returned to T2");
		deliverAll();
		assertThat(acmeReceiver.of("escalation.returned")).anyMatch(r -> r.body().contains(number));
	}

	@Test
	void aFailedDeliveryIsRetriedAfterTheBackOffAndEveryAttemptIsLogged() {
		acmeReceiver.answer(500, 200);
		String number = openAndEscalateToT3();
		deliverAll();
		JsonNode delivery = latestDelivery(acmeHook);
		assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
		assertThat(delivery.get("lastStatus").asInt()).isEqualTo(500);
		// not before the back-off
		assertThat(dispatcher.processDue()).isZero();
		clock.advance(Duration.ofSeconds(31));
		deliverAll();
		delivery = latestDelivery(acmeHook);
		assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
		List<Integer> statuses = new ArrayList<>();
		delivery.get("attemptLog").forEach(a -> statuses.add(a.get("statusCode").asInt()));
		assertThat(statuses).containsExactly(500, 200);
		assertThat(acmeReceiver.received()).filteredOn(r -> r.body().contains(number)).hasSize(2)
			.extracting(r -> r.header("X-Tierline-Delivery")).containsOnly(delivery.get("deliveryId").asString());
	}

	@Test
	void afterTheLastAttemptADeliveryFailsAndAnAdminCanRetryIt() {
		acmeReceiver.answer(503);
		openAndEscalateToT3();
		for (int round = 0; round < 12; round++) {
			deliverAll();
			clock.advance(Duration.ofHours(2));
		}
		JsonNode delivery = latestDelivery(acmeHook);
		assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(8);
		assertThat(delivery.get("attemptLog")).hasSize(8);

		acmeReceiver.answer(204);
		var retried = as("admin@acme.test").post("/api/v1/webhooks/" + acmeHook + "/deliveries/" + delivery.get("id").asLong() + "/retry", Map.of());
		assertThat(retried.status()).as(retried.text()).isEqualTo(200);
		assertThat(retried.json().get("status").asString()).isEqualTo("PENDING");
		deliverAll();
		assertThat(latestDelivery(acmeHook).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(as("admin@acme.test").post("/api/v1/webhooks/" + acmeHook + "/deliveries/" + delivery.get("id").asLong() + "/retry",
				Map.of()).status()).isEqualTo(409);
	}

	@Test
	void endpointsBelongToTheirOrganization() {
		assertThat(as("admin@globex.test").get("/api/v1/webhooks/" + acmeHook).status()).isEqualTo(404);
		assertThat(as("admin@globex.test").get("/api/v1/webhooks/" + acmeHook + "/deliveries").status()).isEqualTo(404);
		assertThat(as("admin@globex.test").delete("/api/v1/webhooks/" + acmeHook).status()).isEqualTo(404);
		assertThat(as("eng@acme.test").get("/api/v1/webhooks/" + acmeHook).status()).isEqualTo(404);
		assertThat(as("t1@northwind.test").post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1/x", "events",
				List.of("ping"))).status()).isEqualTo(403);
		JsonNode listed = as("admin@acme.test").get("/api/v1/webhooks").json();
		listed.forEach(e -> {
			assertThat(e.get("org").asString()).isEqualTo("acme");
			assertThat(e.get("secret").isNull()).isTrue();
		});
	}

	@Test
	void badInputNamesTheField() {
		var response = as("admin@acme.test").post("/api/v1/webhooks", Map.of("url", "ftp://example.com/x", "events",
				List.of("engineering.required", "ticket.exploded")));
		assertThat(response.status()).isEqualTo(422);
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("url", "events");
		assertThat(as("admin@acme.test").post("/api/v1/webhooks", Map.of("url", "https://example.com/x")).status()).isEqualTo(422);
	}

	@Test
	void aPingShowsTheReceiverWorks() {
		var ping = as("admin@acme.test").post("/api/v1/webhooks/" + acmeHook + "/test", Map.of());
		assertThat(ping.status()).isEqualTo(202);
		deliverAll();
		assertThat(acmeReceiver.of("ping")).singleElement()
			.satisfies(r -> assertThat(r.header("X-Tierline-Delivery")).isEqualTo(ping.json().get("deliveryId").asString()));
	}

	JsonNode latestDelivery(long hook) {
		return as("admin@acme.test").get("/api/v1/webhooks/" + hook + "/deliveries?limit=1").json().get("items").get(0);
	}

	static MimeMessage mailTo(String recipient, String containing) throws Exception {
		for (MimeMessage m : TestMailServer.get().getReceivedMessagesForDomain(recipient.substring(recipient.indexOf('@') + 1))) {
			if (m.getSubject().contains(containing) && m.getAllRecipients()[0].toString().equals(recipient)) {
				return m;
			}
		}
		throw new AssertionError("no mail to " + recipient + " about " + containing);
	}
}
