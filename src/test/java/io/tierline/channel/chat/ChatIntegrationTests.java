package io.tierline.channel.chat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 5, live chat over real WebSockets: a visitor, an agent, the ticket the chat becomes. */
@IntegrationTest
class ChatIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTimeInTheQueueCountsAgainstChatFirstResponse() throws Exception {
		String email = unique("quinn") + "@visitor.test";
		try (var agent = ChatSocket.agent(port, "t1@northwind.test"); var visitor = ChatSocket.visitor(port, "acme", null)) {
			agent.await("hello");
			agent.send("available", "available", true);
			visitor.send("start", "name", "Quinn Queue", "email", email, "text", "Nobody answers me");
			long chatId = visitor.await("started").get("chatId").asLong();
			agent.await("waiting", f -> contains(f.get("chats"), chatId));
			java.time.Instant asked = java.time.Instant.parse(Api.at(port).as("t1@northwind.test").get("/api/v1/chats/" + chatId).json()
				.get("chat").get("requestedAt").asString());
			clock.advance(Duration.ofSeconds(45)); // in the queue, still within the 60 s target
			clock.advance(Duration.ofSeconds(45)); // now beyond it

			agent.send("accept", "chatId", chatId);
			String ticket = agent.await("accepted", f -> f.get("chat").get("id").asLong() == chatId).get("ticket").asString();
			agent.send("line", "chatId", chatId, "text", "Sorry for the wait!");
			visitor.await("line", f -> f.get("from").asString().equals("agent"));

			Api api = Api.at(port).as("t1@northwind.test");
			assertThat(java.time.Instant.parse(api.get("/api/v1/tickets/" + ticket).json().get("createdAt").asString())).isEqualTo(asked);
			JsonNode firstResponse = clock(api.get("/api/v1/tickets/" + ticket + "/sla").json(), "FIRST_RESPONSE");
			assertThat(java.time.Instant.parse(firstResponse.get("startedAt").asString())).isEqualTo(asked);
			assertThat(firstResponse.get("state").asString()).isEqualTo("BREACHED");
		}
	}

	@Test
	void aChatWithAnAgentBecomesAChatTicketHoldingTheTranscript() throws Exception {
		String email = unique("vera") + "@visitor.test";
		try (var agent = ChatSocket.agent(port, "t1@northwind.test"); var visitor = ChatSocket.visitor(port, "acme", null)) {
			agent.await("hello");
			agent.send("available", "available", true);
			agent.await("presence", f -> f.get("available").asBoolean());
			visitor.await("presence", f -> f.get("online").asBoolean());

			visitor.send("start", "name", "Vera Visitor", "email", email, "text", "Sync fails with error 503");
			long chatId = visitor.await("started").get("chatId").asLong();
			agent.await("waiting", f -> contains(f.get("chats"), chatId));

			agent.send("accept", "chatId", chatId);
			JsonNode accepted = agent.await("accepted", f -> f.get("chat").get("id").asLong() == chatId);
			String ticket = accepted.get("ticket").asString();
			assertThat(visitor.await("accepted").get("agent").asString()).isEqualTo("Tara Tier1");

			visitor.send("typing");
			agent.await("typing", f -> f.get("chatId").asLong() == chatId && f.get("from").asString().equals("visitor"));
			agent.send("typing", "chatId", chatId);
			visitor.await("typing", f -> f.get("from").asString().equals("agent"));

			agent.send("line", "chatId", chatId, "text", "Which region are you in?");
			visitor.await("line", f -> f.get("from").asString().equals("agent") && f.get("text").asString().contains("region"));
			visitor.send("line", "text", "eu-west");
			agent.await("line", f -> f.get("from").asString().equals("visitor") && f.get("text").asString().equals("eu-west"));

			agent.send("end", "chatId", chatId);
			visitor.await("ended", f -> f.get("by").asString().equals("agent"));

			Api api = Api.at(port).as("t1@northwind.test");
			JsonNode view = api.get("/api/v1/tickets/" + ticket).json();
			assertThat(view.get("channel").asString()).isEqualTo("CHAT");
			assertThat(view.get("assignee").asString()).isEqualTo("t1@northwind.test");
			assertThat(view.get("requester").get("email").asString()).isEqualTo(email);
			JsonNode messages = api.get("/api/v1/tickets/" + ticket + "/messages").json();
			assertThat(messages.findValuesAsString("body")).contains("Sync fails with error 503", "Which region are you in?", "eu-west");
			assertThat(messages.findValuesAsString("body")).anyMatch(b -> b.startsWith("Live chat ended by the agent"));
			JsonNode firstResponse = clock(api.get("/api/v1/tickets/" + ticket + "/sla").json(), "FIRST_RESPONSE");
			assertThat(firstResponse.get("running").asBoolean()).isFalse();
			assertThat(firstResponse.get("channel").asString()).isEqualTo("CHAT");
			assertThat(firstResponse.get("stoppedAt").isNull()).isFalse();

			JsonNode transcript = api.get("/api/v1/chats/" + chatId).json();
			assertThat(transcript.get("chat").get("state").asString()).isEqualTo("ENDED");
			assertThat(transcript.get("chat").get("ticket").asString()).isEqualTo(ticket);
			assertThat(transcript.get("lines").findValuesAsString("from")).containsExactly("visitor", "agent", "visitor");
		}
	}

	@Test
	void aVisitorNobodyAnswersInTimeLeavesAMessageThatBecomesOneEmailTicket() {
		String email = unique("nora") + "@visitor.test";
		try (var visitor = ChatSocket.visitor(port, "globex", null)) {
			visitor.send("start", "name", "Nora", "email", email, "text", "Is anybody there?");
			long chatId = visitor.await("started").get("chatId").asLong();

			clock.advance(Duration.ofSeconds(61));
			assertThat(visitor.await("offer").get("reason").asString()).contains("60 seconds");
			visitor.send("leave", "text", "Please call me back about my order 4711.");
			String ticket = visitor.await("left").get("ticket").asString();

			JsonNode view = Api.at(port).as("t1@northwind.test").get("/api/v1/tickets/" + ticket).json();
			assertThat(view.get("channel").asString()).isEqualTo("EMAIL");
			assertThat(view.get("requester").get("email").asString()).isEqualTo(email);
			JsonNode messages = Api.at(port).as("t1@northwind.test").get("/api/v1/tickets/" + ticket + "/messages").json();
			assertThat(messages.get(0).get("body").asString()).contains("order 4711").contains("Is anybody there?");
			assertThat(jdbc.sql("select count(*) from tickets t join users u on u.id = t.requester_id where u.email = ?")
				.param(email).query(Long.class).single()).isEqualTo(1);
			JsonNode chat = Api.at(port).as("t1@northwind.test").get("/api/v1/chats/" + chatId).json().get("chat");
			assertThat(chat.get("state").asString()).isEqualTo("MESSAGE_LEFT");
			assertThat(chat.get("ticket").asString()).isEqualTo(ticket);
		}
	}

	@Test
	void anAgentWithoutAGrantOnGlobexNeverSeesNorTakesItsChats() throws Exception {
		try (var visitor = ChatSocket.visitor(port, "globex", null); var acmeOnly = ChatSocket.agent(port, "t2-acme@northwind.test")) {
			visitor.send("start", "name", "Gus", "email", unique("gus") + "@visitor.test", "text", "Till is offline");
			long chatId = visitor.await("started").get("chatId").asLong();
			acmeOnly.await("hello");
			acmeOnly.send("available", "available", true);
			acmeOnly.await("presence");

			acmeOnly.send("accept", "chatId", chatId);
			assertThat(acmeOnly.await("error").get("message").asString()).isEqualTo("Chat " + chatId + " not found");
			assertThat(acmeOnly.received("waiting")).noneMatch(f -> contains(f.get("chats"), chatId));
			assertThat(acmeOnly.received("accepted")).isEmpty();
			assertThat(visitor.received("presence")).noneMatch(f -> f.get("online").asBoolean());

			Api acmeApi = Api.at(port).as("t2-acme@northwind.test");
			assertThat(acmeApi.get("/api/v1/chats/" + chatId).status()).isEqualTo(404);
			assertThat(acmeApi.get("/api/v1/chats?state=waiting&limit=200").json().get("chats").findValuesAsString("client"))
				.doesNotContain("globex");
			assertThat(acmeApi.get("/api/v1/chats?client=globex").status()).isEqualTo(422);
			assertThat(contains(Api.at(port).as("t1@northwind.test").get("/api/v1/chats?client=globex&limit=200").json().get("chats"),
					chatId)).isTrue();
		}
	}

	@Test
	void aReloadedWidgetResumesItsChatWithTheToken() {
		String token;
		long chatId;
		try (var visitor = ChatSocket.visitor(port, "acme", null)) {
			visitor.send("start", "name", "Rita", "email", unique("rita") + "@visitor.test", "text", "First question");
			JsonNode started = visitor.await("started");
			token = started.get("token").asString();
			chatId = started.get("chatId").asLong();
		}
		try (var reloaded = ChatSocket.visitor(port, "acme", null)) {
			reloaded.send("resume", "token", token);
			assertThat(reloaded.await("started").get("chatId").asLong()).isEqualTo(chatId);
			assertThat(reloaded.await("line").get("text").asString()).isEqualTo("First question");
			reloaded.send("end");
			assertThat(reloaded.await("ended").get("state").asString()).isEqualTo("ABANDONED");
		}
		try (var other = ChatSocket.visitor(port, "globex", null)) {
			other.send("resume", "token", token);
			assertThat(other.await("error").get("message").asString()).isEqualTo("No chat for this token");
		}
	}

	@Test
	void badFramesGetClearErrorsAndTheConnectionSurvives() {
		try (var visitor = ChatSocket.visitor(port, "acme", null)) {
			visitor.sendRaw("not json");
			visitor.await("error", f -> f.get("message").asString().contains("JSON"));
			visitor.send("line", "text", "before a chat");
			visitor.await("error", f -> f.get("message").asString().contains("Start or resume"));
			visitor.send("start", "email", "not-an-address", "text", "x".repeat(2001));
			JsonNode invalid = visitor.await("error", f -> f.has("errors"));
			assertThat(invalid.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "text");
			visitor.send("start", "email", "t1@northwind.test", "text", "I am staff, honest");
			visitor.await("error", f -> f.get("message").asString().contains("cannot be used"));
			visitor.send("start", "email", unique("ok") + "@visitor.test", "text", "Fine now");
			visitor.await("started");
		}
	}

	@Test
	void aFloodingVisitorIsDisconnected() {
		try (var visitor = ChatSocket.visitor(port, "acme", null)) {
			for (int i = 0; i < 70 && !visitor.isClosed(); i++) {
				visitor.send("typing");
			}
			visitor.await("error", f -> f.get("message").asString().startsWith("Too many"));
		}
		catch (CompletionException closedWhileSending) {
			// the server closed the socket while frames were still going out: that is the point
		}
	}

	@Test
	void socketsRefuseUnknownClientsForeignOriginsAndAnonymousAgents() {
		assertThatThrownBy(() -> ChatSocket.visitor(port, "nosuchclient", null)).hasCauseInstanceOf(
				java.net.http.WebSocketHandshakeException.class);
		long globex = jdbc.sql("select id from organizations where slug = 'globex'").query(Long.class).single();
		jdbc.sql("update chat_settings set allowed_origins = 'https://shop.globex.test' where client_id = ?").param(globex).update();
		try {
			assertThatThrownBy(() -> ChatSocket.visitor(port, "globex", "https://evil.test")).hasCauseInstanceOf(
					java.net.http.WebSocketHandshakeException.class);
			ChatSocket.visitor(port, "globex", "https://shop.globex.test").close();
		}
		finally {
			jdbc.sql("update chat_settings set allowed_origins = null where client_id = ?").param(globex).update();
		}
		assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
			.buildAsync(java.net.URI.create("ws://localhost:" + port + "/chat/agent/ws"), new java.net.http.WebSocket.Listener() {
			}).join()).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
	}

	@Test
	void theChatApiAnswersBadInputWithProblemDetails() {
		Api api = Api.at(port).as("t1@northwind.test");
		var response = api.get("/api/v1/chats?state=bogus&limit=0");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.header("Content-Type")).contains("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("state", "limit");
		assertThat(api.get("/api/v1/chats/999999999").status()).isEqualTo(404);
		assertThat(api.put("/api/v1/clients/acme/chat-settings", java.util.Map.of("enabled", true)).status()).isEqualTo(403);
		var admin = Api.at(port).as("admin@acme.test");
		var bad = admin.put("/api/v1/clients/acme/chat-settings", java.util.Map.of("enabled", true, "allowedOrigins",
				java.util.List.of("javascript:alert(1)")));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(admin.get("/api/v1/clients/acme/chat-settings").json().get("enabled").asBoolean()).isTrue();
	}

	private static JsonNode clock(JsonNode sla, String kind) {
		for (JsonNode c : sla.get("clocks")) {
			if (c.get("clock").asString().equals(kind)) {
				return c;
			}
		}
		throw new AssertionError("no " + kind + " clock in " + sla);
	}

	private static boolean contains(JsonNode chats, long chatId) {
		for (JsonNode c : chats) {
			if (c.get("id").asLong() == chatId) {
				return true;
			}
		}
		return false;
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
