package io.tierline.channel.phone;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tierline.support.WebSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** "Log a call" on the ticket page and through the API, for staff who work the ticket only. */
@IntegrationTest
class CallLogIntegrationTests {

	@LocalServerPort
	int port;

	Api t1;
	String ticket;

	@BeforeEach
	void openTicket() {
		t1 = Api.at(port).as("t1@northwind.test");
		ticket = t1.post("/api/v1/tickets", Map.of("client", "acme", "subject", "Login loops",
				"requester", Map.of("email", "caller-" + UUID.randomUUID() + "@customer.test"))).json().get("number").asString();
	}

	@Test
	void theTicketPageLoadsTheCallPanelWhichIsAFragmentForHtmxAndAPageWithout() throws Exception {
		var agent = WebSession.signedIn(port, "t1@northwind.test");

		assertThat(agent.get("/tickets/" + ticket).body()).contains("/tickets/" + ticket + "/calls");
		var fragment = agent.get("/tickets/" + ticket + "/calls", "HX-Request", "true");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("data-testid=\"call-form\"").doesNotContain("<html");
		var page = agent.get("/tickets/" + ticket + "/calls");
		assertThat(page.body()).contains("<html", "Calls of", "data-testid=\"call-form\"");
	}

	@Test
	void anAgentLogsACallWithTheFormAndItShowsOnTheTicket() throws Exception {
		var agent = WebSession.signedIn(port, "t1@northwind.test");

		var logged = agent.submit("/tickets/" + ticket + "/calls", "/tickets/" + ticket + "/calls", form("12:05"));

		assertThat(logged.statusCode()).isEqualTo(302);
		assertThat(logged.headers().firstValue("Location").orElseThrow()).endsWith("/tickets/" + ticket);
		assertThat(agent.get("/tickets/" + ticket).body()).contains("Phone call, inbound, from +15550102030", "lasted 12:05",
				"Customer cannot log in");
		assertThat(agent.get("/tickets/" + ticket + "/calls", "HX-Request", "true").body())
			.contains("☎ Call from +15550102030", "12:05", "href=\"https://recordings.example.test/r/9\"",
					"rel=\"noopener noreferrer\"", "logged by hand");
		assertThat(events()).anySatisfy(e -> assertThat(e.get("type").asString() + e.get("data").asString())
			.contains("CALL_LOGGED", "\"source\":\"AGENT\"", "\"durationSeconds\":725"));
	}

	@Test
	void withHtmxTheFormAnswersThePanelAndRefreshesThePage() throws Exception {
		var agent = WebSession.signedIn(port, "t1@northwind.test");
		String csrf = WebSession.csrf(agent.get("/tickets/" + ticket + "/calls").body());

		var logged = agent.post("/tickets/" + ticket + "/calls", form("3:00") + "&_csrf=" + enc(csrf), "HX-Request", "true");

		assertThat(logged.statusCode()).isEqualTo(200);
		assertThat(logged.headers().firstValue("HX-Refresh")).contains("true");
		assertThat(logged.body()).contains("Call logged.", "data-testid=\"call\"").doesNotContain("<html");
	}

	@Test
	void aMistypedDurationComesBackOnTheFormWithHtmxAndAs422Without() throws Exception {
		var agent = WebSession.signedIn(port, "t1@northwind.test");
		String csrf = WebSession.csrf(agent.get("/tickets/" + ticket + "/calls").body());

		var htmx = agent.post("/tickets/" + ticket + "/calls", form("five minutes") + "&_csrf=" + enc(csrf), "HX-Request", "true");
		var plain = agent.post("/tickets/" + ticket + "/calls", form("five minutes") + "&_csrf=" + enc(csrf));

		assertThat(htmx.statusCode()).isEqualTo(200);
		assertThat(htmx.body()).contains("data-testid=\"call-errors\"", "duration must be minutes and seconds", "+1 555 010 2030");
		assertThat(plain.statusCode()).isEqualTo(422);
		assertThat(t1.get("/api/v1/tickets/" + ticket + "/calls").json().size()).isZero();
	}

	@Test
	void theApiLogsACallAndListsTheTicketsCalls() {
		var logged = t1.post("/api/v1/tickets/" + ticket + "/calls", Map.of("direction", "outbound", "number", "+44 20 7946 0000",
				"durationSeconds", 3723, "notes", "Called back"));

		assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
		assertThat(logged.json().get("duration").asString()).isEqualTo("1:02:03");
		assertThat(logged.json().get("agent").asString()).isEqualTo("t1@northwind.test");
		JsonNode calls = t1.get("/api/v1/tickets/" + ticket + "/calls").json();
		assertThat(calls.size()).isEqualTo(1);
		assertThat(calls.get(0).get("number").asString()).isEqualTo("+442079460000");
		assertThat(calls.get(0).get("direction").asString()).isEqualTo("OUTBOUND");
	}

	@Test
	void aRecordingLinkMustBeHttp() {
		var refused = t1.post("/api/v1/tickets/" + ticket + "/calls", Map.of("number", "+15550102030", "duration", "1:00",
				"recordingUrl", "javascript:alert(1)"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("recordingUrl");
	}

	@Test
	void onlyStaffWhoMayChangeTheTicketLogCalls() {
		Map<String, Object> call = Map.of("number", "+15550102030", "duration", "1:00");
		String danas = Api.at(port).as("dana@customer.test").post("/api/v1/tickets", Map.of("client", "acme", "subject", "Mine"))
			.json().get("number").asString();
		String globex = Api.at(port).as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "globex", "subject", "Theirs",
				"requester", Map.of("email", "shopper-" + UUID.randomUUID() + "@shopper.test"))).json().get("number").asString();

		assertThat(Api.at(port).as("dana@customer.test").post("/api/v1/tickets/" + danas + "/calls", call).status()).isEqualTo(404);
		assertThat(Api.at(port).as("dana@customer.test").get("/api/v1/tickets/" + danas + "/calls").status()).isEqualTo(404);
		assertThat(Api.at(port).as("shadow@northwind.test").post("/api/v1/tickets/" + ticket + "/calls", call).status()).isEqualTo(403);
		assertThat(Api.at(port).as("auditor@acme.test").post("/api/v1/tickets/" + ticket + "/calls", call).status()).isEqualTo(403);
		assertThat(Api.at(port).as("t2-acme@northwind.test").post("/api/v1/tickets/" + globex + "/calls", call).status()).isEqualTo(404);
	}

	private List<JsonNode> events() {
		return t1.get("/api/v1/tickets/" + ticket + "/events").json().valueStream().toList();
	}

	private static String form(String duration) {
		return "direction=INBOUND&number=" + enc("+1 555 010 2030") + "&duration=" + enc(duration) + "&recordingUrl="
				+ enc("https://recordings.example.test/r/9") + "&notes=" + enc("Customer cannot log in");
	}
}
