package io.tierline.ticket;

import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** CSAT once per solve by the requester, and minutes logged by agents at the ticket's tier (SPEC §7 inputs). */
@IntegrationTest
class FeedbackIntegrationTests {

	@LocalServerPort
	int port;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	@Test
	void theRequesterRatesEachSolveOnceAndNobodyElseRates() {
		String path = "/api/v1/tickets/" + open("csat " + UUID.randomUUID()).get("id").asLong();
		var dana = as("dana@customer.test");
		var t1 = as("t1@northwind.test");
		assertThat(dana.post(path + "/csat", Map.of("score", 5)).status()).as("not solved yet").isEqualTo(409);

		t1.patch(path, Map.of("status", "SOLVED"));
		var bad = dana.post(path + "/csat", Map.of("score", 7));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("score");
		assertThat(t1.post(path + "/csat", Map.of("score", 5)).status()).isEqualTo(403);
		assertThat(dana.post(path + "/csat", Map.of("score", 4, "comment", "quick and right")).status()).isEqualTo(201);
		assertThat(dana.post(path + "/csat", Map.of("score", 1)).status()).as("rated already").isEqualTo(409);

		// reopened and solved again: a new solve, a new rating
		dana.post(path + "/messages", Map.of("body", "It came back"));
		t1.patch(path, Map.of("status", "SOLVED"));
		assertThat(dana.post(path + "/csat", Map.of("score", 2)).status()).isEqualTo(201);

		JsonNode events = t1.get(path + "/events").json();
		assertThat(data(events, "CSAT").stream().map(d -> d.get("score").asInt()).toList()).containsExactly(4, 2);
		// another client's requester never sees the ticket
		assertThat(as("sam@shopper.test").post(path + "/csat", Map.of("score", 5)).status()).isEqualTo(404);
	}

	@Test
	void agentsLogMinutesAtTheTicketsTierAndRequestersCannot() {
		String path = "/api/v1/tickets/" + open("time " + UUID.randomUUID()).get("id").asLong();
		var t1 = as("t1@northwind.test");
		var logged = t1.post(path + "/time", Map.of("minutes", 20, "note", "reproduced"));
		assertThat(logged.status()).isEqualTo(201);
		t1.post(path + "/time", Map.of("minutes", 15));
		assertThat(t1.get(path + "/time").json().get("T1").asLong()).isEqualTo(35);
		var zero = t1.post(path + "/time", Map.of("minutes", 0));
		assertThat(zero.status()).isEqualTo(422);
		assertThat(zero.json().get("errors").get(0).get("field").asString()).isEqualTo("minutes");
		assertThat(as("dana@customer.test").post(path + "/time", Map.of("minutes", 5)).status()).isEqualTo(403);
		JsonNode events = t1.get(path + "/events").json();
		assertThat(data(events, "TIME_LOGGED").stream().map(d -> d.get("tier").asString() + ":" + d.get("minutes").asInt()).toList())
			.containsExactly("T1:20", "T1:15");
	}

	@Test
	void thePagesOfferTheRatingAfterASolveAndTheTimeForm() throws Exception {
		JsonNode ticket = open("pages " + UUID.randomUUID());
		String number = ticket.get("number").asString();
		as("t1@northwind.test").patch("/api/v1/tickets/" + ticket.get("id").asLong(), Map.of("status", "SOLVED"));

		var dana = WebSession.signedIn(port, "dana@customer.test");
		assertThat(dana.get("/portal/tickets/" + number).body()).contains("data-testid=\"csat-slot\"");
		assertThat(dana.get("/portal/tickets/" + number + "/csat").body()).contains("How satisfied are you");
		var rated = dana.submit("/portal/tickets/" + number, "/portal/tickets/" + number + "/csat", "score=5&comment=great");
		assertThat(rated.body()).contains("Thank you for your rating").doesNotContain("How satisfied are you");

		var agent = WebSession.signedIn(port, "t1@northwind.test");
		assertThat(agent.get("/tickets/" + number).body()).contains("data-testid=\"time-slot\"");
		var logged = agent.submit("/tickets/" + number, "/tickets/" + number + "/time", "minutes=25&note=call");
		assertThat(logged.body()).contains("T1: 25 min");
		assertThat(agent.submit("/tickets/" + number, "/tickets/" + number + "/time", "minutes=5000").body())
			.contains("data-testid=\"time-error\"");
	}

	private static java.util.List<JsonNode> data(JsonNode events, String type) {
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		var found = new java.util.ArrayList<JsonNode>();
		events.forEach(e -> {
			if (e.get("type").asString().equals(type)) {
				found.add(json.readTree(e.get("data").asString()));
			}
		});
		return found;
	}

	private JsonNode open(String subject) {
		var created = as("dana@customer.test").post("/api/v1/tickets", Map.of("client", "acme", "subject", subject, "description", "x"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}
}
