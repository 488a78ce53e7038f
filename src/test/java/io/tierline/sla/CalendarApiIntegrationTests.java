package io.tierline.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine asked directly over HTTP: {@code GET /api/v1/calendars/{id}/due}, and calendars kept by admins. */
@IntegrationTest
class CalendarApiIntegrationTests {

	@LocalServerPort
	int port;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	long calendarOf(String client) {
		JsonNode list = as("admin@" + client + ".test").get("/api/v1/calendars?client=" + client).json();
		return list.get(0).get("id").asLong();
	}

	static List<String> fields(Api.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	@Test
	void answersTheDueInstantInBusinessTime() {
		long berlin = calendarOf("acme");
		// Friday 2026-11-27 16:00 Berlin (15:00Z) + 4 business hours: 2 h on Friday, 2 h on Monday from 08:00
		var due = as("t1@northwind.test").get("/api/v1/calendars/" + berlin + "/due?start=2026-11-27T15:00:00Z&duration=PT4H");
		assertThat(due.status()).as(due.text()).isEqualTo(200);
		assertThat(due.json().get("due").asString()).isEqualTo("2026-11-30T09:00:00Z");
		// Christmas Eve and the 25th and 26th are holidays: Wednesday 23rd 17:00 + 2 h lands on Monday 28th 09:00
		assertThat(as("t1@northwind.test").get("/api/v1/calendars/" + berlin + "/due?start=2026-12-23T16:00:00Z&duration=PT2H")
			.json().get("due").asString()).isEqualTo("2026-12-28T08:00:00Z");
	}

	@Test
	void badQueriesNameTheParameter() {
		long berlin = calendarOf("acme");
		assertThat(fields(as("t1@northwind.test").get("/api/v1/calendars/" + berlin + "/due?start=yesterday&duration=4h")))
			.containsExactlyInAnyOrder("start", "duration");
	}

	@Test
	void calendarsAreTheirClientsOwn() {
		long berlin = calendarOf("acme");
		assertThat(as("admin@globex.test").get("/api/v1/calendars/" + berlin).status()).isEqualTo(404);
		assertThat(as("admin@globex.test").get("/api/v1/calendars/" + berlin + "/due?duration=PT1H").status()).isEqualTo(404);
		assertThat(as("dana@customer.test").get("/api/v1/calendars/" + berlin).status()).isEqualTo(404);
		assertThat(as("admin@globex.test").get("/api/v1/calendars").json().toString()).doesNotContain("Berlin office");
	}

	@Test
	void adminsKeepCalendarsAndBadOnesAreRefusedFieldByField() {
		var bad = as("admin@globex.test").post("/api/v1/calendars", Map.of("client", "globex", "name", "x", "zone", "Mars/Olympus",
				"week", Map.of("FUNDAY", List.of(Map.of("start", "9", "end", "17:00"))), "holidays", List.of("soon")));
		assertThat(fields(bad)).contains("zone", "week.FUNDAY", "week.FUNDAY[0].start", "holidays[0]");

		String name = "Night desk " + UUID.randomUUID().toString().substring(0, 6);
		var created = as("admin@globex.test").post("/api/v1/calendars", Map.of("client", "globex", "name", name, "zone",
				"America/New_York", "week", Map.of("FRIDAY", List.of(Map.of("start", "22:00", "end", "06:00")))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		// Friday 2026-11-27 22:00 New York (Saturday 03:00Z) + 3 h across midnight
		assertThat(as("admin@globex.test").get("/api/v1/calendars/" + id + "/due?start=2026-11-28T03:00:00Z&duration=PT3H")
			.json().get("due").asString()).isEqualTo("2026-11-28T06:00:00Z");

		assertThat(as("t2@northwind.test").put("/api/v1/calendars/" + id, Map.of("zone", "UTC", "week",
				Map.of("MONDAY", List.of(Map.of("start", "00:00", "end", "00:00"))))).status()).isEqualTo(403);
		assertThat(as("admin@acme.test").put("/api/v1/calendars/" + id, Map.of("zone", "UTC", "week",
				Map.of("MONDAY", List.of(Map.of("start", "00:00", "end", "00:00"))))).status()).isEqualTo(404);
	}
}
