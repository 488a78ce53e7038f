package io.tierline.channel.chat;

import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: a chat whose ticket the agent solved ends with the CSAT survey link for the visitor. */
@IntegrationTest
class ChatSurveyIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theEndOfAChatWithASolvedTicketOffersTheSurvey() throws Exception {
		String email = "rae-" + UUID.randomUUID().toString().substring(0, 8) + "@visitor.test";
		try (var agent = ChatSocket.agent(port, "t1@northwind.test"); var visitor = ChatSocket.visitor(port, "acme", null)) {
			agent.await("hello");
			agent.send("available", "available", true);
			agent.await("presence", f -> f.get("available").asBoolean());
			visitor.send("start", "name", "Rae Visitor", "email", email, "text", "How do I export invoices?");
			long chatId = visitor.await("started").get("chatId").asLong();
			agent.await("waiting", f -> {
				for (JsonNode c : f.get("chats")) {
					if (c.get("id").asLong() == chatId) {
						return true;
					}
				}
				return false;
			});
			agent.send("accept", "chatId", chatId);
			String ticket = agent.await("accepted", f -> f.get("chat").get("id").asLong() == chatId).get("ticket").asString();
			agent.send("line", "chatId", chatId, "text", "Billing → Invoices → Export.");
			visitor.await("line", f -> f.get("from").asString().equals("agent"));

			var solved = Api.at(port).as("t1@northwind.test").patch("/api/v1/tickets/" + ticket, Map.of("status", "SOLVED"));
			assertThat(solved.status()).as(solved.text()).isEqualTo(200);
			agent.send("end", "chatId", chatId);
			JsonNode ended = visitor.await("ended", f -> f.get("by").asString().equals("agent"));
			String link = ended.get("survey").asString();
			assertThat(link).contains("/survey/");
			String token = link.substring(link.indexOf("/survey/") + "/survey/".length());
			var answered = Api.at(port).post("/api/v1/surveys/" + token, Map.of("score", 5));
			assertThat(answered.status()).as(answered.text()).isEqualTo(200);
			assertThat(answered.json().get("ticketNumber").asString()).isEqualTo(ticket);
		}
	}
}
