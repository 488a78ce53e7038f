package io.tierline.ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies, notes, the reopen window and held replies of SUPERVISED agents, over the API. */
@IntegrationTest
class ConversationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	Api t1;
	Api dana;

	@BeforeEach
	void setUp() {
		t1 = Api.at(port).as("t1@northwind.test");
		dana = Api.at(port).as("dana@customer.test");
	}

	JsonNode open(String subject) {
		var response = t1.post("/api/v1/tickets", TicketApiIntegrationTests.newTicket(subject));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	@Test
	void keepsInternalNotesFromTheRequester() {
		JsonNode ticket = open("notes " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong() + "/messages";
		t1.post(path, Map.of("body", "public answer", "visibility", "PUBLIC", "kind", "SUBSTANTIVE"));
		t1.post(path, Map.of("body", "secret internal note", "visibility", "INTERNAL"));
		var asAgent = t1.get(path).json();
		var asRequester = dana.get(path).json();
		assertThat(asAgent.findValuesAsString("body")).contains("public answer", "secret internal note");
		assertThat(asRequester.findValuesAsString("body")).contains("public answer").doesNotContain("secret internal note");
	}

	@Test
	void anAgentsPublicReplyOpensANewTicket() {
		JsonNode ticket = open("first reply " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong();
		var reply = t1.post(path + "/messages", Map.of("body", "We are on it", "visibility", "PUBLIC", "kind", "ACKNOWLEDGEMENT"));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().get("kind").asString()).isEqualTo("ACKNOWLEDGEMENT");
		assertThat(t1.get(path).json().get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void requesterReplyReopensASolvedTicketInsideTheWindow() {
		JsonNode ticket = open("reopen " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong();
		t1.patch(path, Map.of("status", "SOLVED"));
		clock.advance(Duration.ofDays(3));
		var reply = dana.post(path + "/messages", Map.of("body", "Still broken"));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(t1.get(path).json().get("status").asString()).isEqualTo("OPEN");
		assertThat(t1.get(path + "/events").json().findValuesAsString("type")).contains("REOPENED");
	}

	@Test
	void requesterReplyAfterTheWindowOpensALinkedFollowUp() {
		JsonNode ticket = open("follow up " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong();
		t1.patch(path, Map.of("status", "SOLVED"));
		clock.advance(Duration.ofDays(8));
		var reply = dana.post(path + "/messages", Map.of("body", "It broke again"));
		assertThat(reply.status()).isEqualTo(201);
		long followUpId = reply.json().get("followUpTicketId").asLong();
		assertThat(followUpId).isNotEqualTo(ticket.get("id").asLong());
		JsonNode followUp = t1.get("/api/v1/tickets/" + followUpId).json();
		assertThat(followUp.get("followUpOf").asString()).isEqualTo(ticket.get("number").asString());
		assertThat(followUp.get("status").asString()).isEqualTo("NEW");
		assertThat(t1.get(path).json().get("status").asString()).isEqualTo("SOLVED");
	}

	@Test
	void aShadowAgentReadsButCannotWrite() {
		JsonNode ticket = open("shadow " + UUID.randomUUID());
		Api shadow = Api.at(port).as("shadow@northwind.test");
		String path = "/api/v1/tickets/" + ticket.get("id").asLong();
		assertThat(shadow.get(path).status()).isEqualTo(200);
		var reply = shadow.post(path + "/messages", Map.of("body", "hello", "visibility", "PUBLIC"));
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.json().get("detail").asString()).contains("SHADOW");
		assertThat(shadow.patch(path, Map.of("status", "OPEN")).status()).isEqualTo(403);
		assertThat(shadow.post("/api/v1/tickets", TicketApiIntegrationTests.newTicket("by shadow")).status()).isEqualTo(403);
	}

	@Test
	void aSupervisedAgentsReplyIsHeldUntilALeadApprovesIt() {
		JsonNode ticket = open("supervised " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong() + "/messages";
		Api supervised = Api.at(port).as("supervised@northwind.test");
		var held = supervised.post(path, Map.of("body", "Draft answer from a trainee", "visibility", "PUBLIC"));
		assertThat(held.status()).isEqualTo(201);
		assertThat(held.json().get("state").asString()).isEqualTo("HELD");
		assertThat(dana.get(path).json().findValuesAsString("body")).doesNotContain("Draft answer from a trainee");

		long messageId = held.json().get("id").asLong();
		Api lead = Api.at(port).as("lead@northwind.test");
		assertThat(lead.get("/api/v1/approvals").json().findValuesAsString("body")).contains("Draft answer from a trainee");
		assertThat(supervised.post("/api/v1/messages/" + messageId + "/approval", Map.of("approved", true)).status()).isEqualTo(403);
		var approved = lead.post("/api/v1/messages/" + messageId + "/approval", Map.of("approved", true));
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(approved.json().get("state").asString()).isEqualTo("SENT");
		assertThat(dana.get(path).json().findValuesAsString("body")).contains("Draft answer from a trainee");
		assertThat(lead.post("/api/v1/messages/" + messageId + "/approval", Map.of("approved", true)).status()).isEqualTo(409);
	}

	@Test
	void aRejectedHeldReplyNeedsAReasonAndIsNeverSent() {
		JsonNode ticket = open("rejected " + UUID.randomUUID());
		String path = "/api/v1/tickets/" + ticket.get("id").asLong() + "/messages";
		var held = Api.at(port).as("supervised@northwind.test").post(path, Map.of("body", "Wrong answer", "visibility", "PUBLIC"));
		long messageId = held.json().get("id").asLong();
		Api lead = Api.at(port).as("lead@northwind.test");
		assertThat(lead.post("/api/v1/messages/" + messageId + "/approval", Map.of("approved", false)).status()).isEqualTo(422);
		assertThat(lead.post("/api/v1/messages/" + messageId + "/approval", Map.of("approved", false, "note", "Check the runbook")).json()
			.get("state").asString()).isEqualTo("REJECTED");
		assertThat(dana.get(path).json().findValuesAsString("body")).doesNotContain("Wrong answer");
	}

	@Test
	void aSupervisedAgentsInternalNoteIsNotHeld() {
		JsonNode ticket = open("supervised note " + UUID.randomUUID());
		var note = Api.at(port).as("supervised@northwind.test").post("/api/v1/tickets/" + ticket.get("id").asLong() + "/messages",
				Map.of("body", "checked logs", "visibility", "INTERNAL"));
		assertThat(note.json().get("state").asString()).isEqualTo("SENT");
	}
}
