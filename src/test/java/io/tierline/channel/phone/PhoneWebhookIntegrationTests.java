package io.tierline.channel.phone;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The telephony webhooks over real HTTP, signed with HMAC as a client's telephony system signs them. */
@IntegrationTest
class PhoneWebhookIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	Telephony acme;
	Telephony globex;
	Api acmeAdmin;

	@BeforeEach
	void setUp() {
		acme = Telephony.setUp(port, clock, "acme", "admin@acme.test");
		globex = Telephony.setUp(port, clock, "globex", "admin@globex.test");
		acmeAdmin = Api.at(port).as("admin@acme.test");
	}

	@Test
	void aCallFromANewNumberOpensAPhoneTicketWithTheCallerAsRequester() {
		String caller = number();
		var answer = acme.call(call(caller));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.json().get("outcome").asString()).isEqualTo("NEW_TICKET");
		String ticket = answer.json().get("ticket").asString();
		assertThat(ticket).startsWith("ACME-");
		JsonNode view = acmeAdmin.get("/api/v1/tickets/" + ticket).json();
		assertThat(view.get("channel").asString()).isEqualTo("PHONE");
		assertThat(view.get("requester").get("name").asString()).isEqualTo(caller);
		JsonNode note = messages(ticket).get(0);
		assertThat(note.get("visibility").asString()).isEqualTo("INTERNAL");
		assertThat(note.get("body").asString()).contains("inbound, from " + caller, "lasted 3:25",
				"Recording: https://recordings.example.test/r/1", "Printer on fire");
	}

	@Test
	void theCallLoggedEventCarriesTheFactsButNotTheRecordingLink() {
		String ticket = acme.call(call(number())).json().get("ticket").asString();

		JsonNode logged = event(ticket, "CALL_LOGGED");
		assertThat(logged.get("data").asString()).contains("\"durationSeconds\":205", "\"direction\":\"INBOUND\"", "\"recorded\":true")
			.doesNotContain("recordings.example.test");
	}

	@Test
	void aCallNamingATicketOfTheClientIsLoggedOnThatTicket() {
		String existing = acmeAdmin.post("/api/v1/tickets", Map.of("client", "acme", "subject", "Call me back",
				"requester", Map.of("email", "caller-" + UUID.randomUUID() + "@customer.test"))).json().get("number").asString();
		Map<String, Object> call = call(number());
		call.put("ticket", existing);

		var answer = acme.call(call);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("ticket").asString()).isEqualTo(existing);
		assertThat(answer.json().get("outcome").asString()).isEqualTo("ADDED_TO_TICKET");
		assertThat(messages(existing)).anySatisfy(m -> assertThat(m.get("body").asString()).contains("lasted 3:25"));
	}

	@Test
	void anSmsOpensAnSmsTicketAndTheNextOneFromTheSameNumberJoinsIt() {
		String sender = number();
		var first = acme.sms(sms(sender, "My invoice is wrong"));
		var second = acme.sms(sms(sender, "Any news?"));

		assertThat(first.status()).isEqualTo(201);
		String ticket = first.json().get("ticket").asString();
		assertThat(acmeAdmin.get("/api/v1/tickets/" + ticket).json().get("channel").asString()).isEqualTo("SMS");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("ticket").asString()).isEqualTo(ticket);
		assertThat(messages(ticket)).extracting(m -> m.get("visibility").asString() + " " + m.get("body").asString())
			.containsExactly("PUBLIC My invoice is wrong", "PUBLIC Any news?");
		assertThat(event(ticket, "SMS_RECEIVED").get("data").asString()).contains(sender).doesNotContain("invoice");
	}

	@Test
	void aRetriedDeliveryAnswersTheSameTicketAndStoresNothingTwice() {
		Map<String, Object> call = call(number());
		var first = acme.call(call);
		var retry = acme.call(call);

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("ticket").asString()).isEqualTo(first.json().get("ticket").asString());
		assertThat(retry.json().get("replayed").asBoolean()).isTrue();
		String ticket = first.json().get("ticket").asString();
		assertThat(messages(ticket)).hasSize(1);
		assertThat(events(ticket)).filteredOn(e -> e.get("type").asString().equals("CALL_LOGGED")).hasSize(1);
	}

	@Test
	void theSameDeliveryArrivingFourTimesAtOnceIsStoredOnce() throws Exception {
		Map<String, Object> call = call(number());
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		var futures = java.util.stream.IntStream.range(0, 4).mapToObj(i -> pool.submit(() -> acme.call(call))).toList();
		List<Api.Response> answers = new java.util.ArrayList<>();
		for (var f : futures) {
			answers.add(f.get());
		}
		pool.shutdown();

		assertThat(answers).extracting(Api.Response::status).allMatch(s -> s == 200 || s == 201);
		assertThat(answers).extracting(a -> a.json().get("ticket").asString()).containsOnly(answers.get(0).json().get("ticket").asString());
		assertThat(messages(answers.get(0).json().get("ticket").asString())).hasSize(1);
	}

	@Test
	void aDeliverySignedWithAnotherKeyIsRefusedWith401() {
		String body = "{\"messageId\":\"x\"}";
		var forged = acme.deliver("/api/v1/channels/sms/acme/messages", body, "phsec_guessed", acme.now());
		var unsigned = Api.at(port).post("/api/v1/channels/sms/acme/messages", body);

		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.header("Content-Type")).contains("application/problem+json");
		assertThat(forged.json().get("detail").asString()).contains("X-Tierline-Signature");
		assertThat(unsigned.status()).isEqualTo(401);
	}

	@Test
	void aDeliveryWithATimestampOlderThanFiveMinutesIsRefused() {
		String body = json(call(number()));
		var old = acme.deliver("/api/v1/channels/phone/acme/calls", body, acme.secret(), acme.now() - 6 * 60);

		assertThat(old.status()).isEqualTo(401);
		assertThat(old.json().get("detail").asString()).contains("X-Tierline-Timestamp");
	}

	@Test
	void aMissingFieldIsA400NamingTheField() {
		Map<String, Object> call = call(number());
		call.remove("durationSeconds");
		call.put("recordingUrl", "javascript:alert(1)");

		var answer = acme.call(call);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("durationSeconds", "recordingUrl");
	}

	@Test
	void oneClientsSecretCannotPostIntoAnother() {
		var crossed = acme.deliver("/api/v1/channels/phone/globex/calls", json(call(number())), acme.secret(), acme.now());

		assertThat(crossed.status()).isEqualTo(401);
	}

	@Test
	void aTicketNumberOfAnotherClientIsNotJoined() {
		String acmeTicket = acme.call(call(number())).json().get("ticket").asString();
		Map<String, Object> call = call(number());
		call.put("ticket", acmeTicket);

		var answer = globex.call(call);

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.json().get("ticket").asString()).startsWith("GLOBEX-");
		assertThat(messages(acmeTicket)).hasSize(1);
	}

	@Test
	void anUnknownClientOrOneWithoutTheIntegrationIs404() {
		Api admin = Api.at(port).as("admin@globex.test");
		admin.put("/api/v1/admin/phone/globex", Map.of("smsEnabled", false));

		assertThat(acme.deliver("/api/v1/channels/phone/nosuch/calls", "{}", acme.secret(), acme.now()).status()).isEqualTo(404);
		assertThat(globex.sms(sms(number(), "hello")).status()).isEqualTo(404);
		assertThat(globex.call(call(number())).status()).isEqualTo(201);
	}

	@Test
	void theSecretIsShownOnlyWhenGeneratedAndOnlyToTheClientsAdmins() {
		JsonNode settings = acmeAdmin.get("/api/v1/admin/phone/acme").json();

		assertThat(settings.toString()).doesNotContain(acme.secret());
		assertThat(settings.get("secretHint").asString()).isEqualTo(acme.secret().substring(acme.secret().length() - 4));
		assertThat(Api.at(port).as("admin@globex.test").get("/api/v1/admin/phone/acme").status()).isEqualTo(404);
		assertThat(Api.at(port).as("t1@northwind.test").post("/api/v1/admin/phone/acme/secret", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void aRegeneratedSecretReplacesTheOldOneAtOnce() {
		String old = acme.secret();
		Telephony renewed = Telephony.setUp(port, clock, "acme", "admin@acme.test");

		assertThat(acme.deliver("/api/v1/channels/phone/acme/calls", json(call(number())), old, acme.now()).status()).isEqualTo(401);
		assertThat(renewed.call(call(number())).status()).isEqualTo(201);
	}

	@Test
	void clockSkewWithinFiveMinutesIsAccepted() {
		clock.advance(Duration.ZERO);
		var skewed = acme.deliver("/api/v1/channels/phone/acme/calls", json(call(number())), acme.secret(), acme.now() + 120);

		assertThat(skewed.status()).isEqualTo(201);
	}

	private List<JsonNode> messages(String ticket) {
		return acmeOrGlobex(ticket).get("/api/v1/tickets/" + ticket + "/messages").json().valueStream().toList();
	}

	private List<JsonNode> events(String ticket) {
		return acmeOrGlobex(ticket).get("/api/v1/tickets/" + ticket + "/events").json().valueStream().toList();
	}

	private JsonNode event(String ticket, String type) {
		return events(ticket).stream().filter(e -> e.get("type").asString().equals(type)).findFirst().orElseThrow();
	}

	private Api acmeOrGlobex(String ticket) {
		return ticket.startsWith("ACME") ? acmeAdmin : Api.at(port).as("admin@globex.test");
	}

	static Map<String, Object> call(String from) {
		Map<String, Object> call = new HashMap<>();
		call.put("callId", "call-" + UUID.randomUUID());
		call.put("from", from);
		call.put("to", "+1 (555) 000-1000");
		call.put("direction", "inbound");
		call.put("startedAt", "2026-03-02T09:15:00Z");
		call.put("durationSeconds", 205);
		call.put("recordingUrl", "https://recordings.example.test/r/1");
		call.put("agentEmail", "t1@northwind.test");
		call.put("notes", "Printer on fire");
		return call;
	}

	static Map<String, Object> sms(String from, String text) {
		return new HashMap<>(Map.of("messageId", "sms-" + UUID.randomUUID(), "from", from, "to", "+15550001000", "text", text,
				"receivedAt", "2026-03-02T09:15:00Z"));
	}

	static String number() {
		return "+1555" + ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999);
	}

	private static String json(Map<String, Object> body) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
	}
}
