package io.tierline.sla.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.MutableClock;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tierline.support.WebSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The SLA panel, queue badges, admin page and attainment report over real HTTP with a session. */
@IntegrationTest
class SlaPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaTimerProcessor timers;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	String openGlobexTicket(String severity) {
		var ticket = as("t1@northwind.test").post("/api/v1/tickets", Map.of("client", "globex", "requester",
				Map.of("email", "sam@shopper.test"), "subject", "Pages " + UUID.randomUUID(), "severity", severity));
		assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
		return ticket.json().get("number").asString();
	}

	@Test
	void theTicketPanelShowsEachClockWithAndWithoutHtmx() throws Exception {
		String ticket = openGlobexTicket("P1");
		var agent = WebSession.signedIn(port, "t1@northwind.test");
		var fragment = agent.get("/tickets/" + ticket + "/sla", "HX-Request", "true");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html").contains("data-testid=\"sla-panel\"", "data-clock=\"FIRST_RESPONSE\"",
				"data-clock=\"RESOLUTION\"", "data-due=\"", "PT15M 24×7");
		var page = agent.get("/tickets/" + ticket + "/sla");
		assertThat(page.body()).contains("<html", "SLA of", "data-testid=\"sla-panel\"");
		assertThat(agent.get("/tickets/" + ticket).body()).contains("data-testid=\"sla-slot\"", "/js/sla.js");
	}

	@Test
	void theQueueShowsTheNextDueClockAndSortsByIt() throws Exception {
		String ticket = openGlobexTicket("P1");
		var agent = WebSession.signedIn(port, "t1@northwind.test");
		var queue = agent.get("/tickets?client=globex&sort=due");
		assertThat(queue.statusCode()).isEqualTo(200);
		assertThat(queue.body()).contains("data-testid=\"sla-badge\"", "data-label=\"first reply\"", ticket);
		var rows = agent.get("/tickets?client=globex&sort=due", "HX-Request", "true");
		assertThat(rows.body()).doesNotContain("<html").contains("data-testid=\"sla-badge\"");
		assertThat(agent.get("/tickets?client=globex").body()).contains("Next SLA due");
	}

	@Test
	void anAdminAddsAndChangesARuleOnThePageAndABadTargetIsNamed() throws Exception {
		var admin = WebSession.signedIn(port, "admin@globex.test");
		var page = admin.get("/admin/sla/globex");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"rule-row\"", "data-testid=\"matrix\"", "New York retail", "15 min 24×7");

		var bad = admin.submit("/admin/sla/globex", "/admin/sla/globex/rules", "clock=RESOLUTION&channel=PHONE&target=" + enc("two hours"));
		assertThat(bad.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/sla/globex").body()).contains("data-testid=\"problems\"", "target", "ISO-8601");

		var added = admin.submit("/admin/sla/globex", "/admin/sla/globex/rules",
				"clock=RESOLUTION&channel=PHONE&severity=P2&target=PT6H&notifyLead=true&raiseSeverity=true");
		assertThat(added.statusCode()).isEqualTo(302);
		JsonNode target = as("admin@globex.test").get("/api/v1/clients/globex/sla-policy/target?clock=RESOLUTION&tier=T1&channel=PHONE&severity=P2").json();
		assertThat(target.get("target").asString()).isEqualTo("PT6H");
		assertThat(target.get("businessTime").asBoolean()).as("an unchecked box is false").isFalse();
		assertThat(target.get("raiseSeverity").asBoolean()).isTrue();
		long id = target.get("id").asLong();

		admin.submit("/admin/sla/globex", "/admin/sla/rules/" + id, "client=globex&clock=RESOLUTION&channel=PHONE&severity=P2&target=PT7H&businessTime=true");
		target = as("admin@globex.test").get("/api/v1/clients/globex/sla-policy/target?clock=RESOLUTION&tier=T1&channel=PHONE&severity=P2").json();
		assertThat(target.get("target").asString()).isEqualTo("PT7H");
		assertThat(target.get("raiseSeverity").asBoolean()).isFalse();
		admin.submit("/admin/sla/globex", "/admin/sla/rules/" + id + "/delete", "client=globex");
		assertThat(as("admin@globex.test").get("/api/v1/clients/globex/sla-policy/target?clock=RESOLUTION&tier=T1&channel=PHONE&severity=P2")
			.json().get("id").asLong()).isNotEqualTo(id);

		var agentPage = WebSession.signedIn(port, "t1@northwind.test").get("/admin/sla/globex");
		assertThat(agentPage.statusCode()).isEqualTo(403);
		assertThat(agentPage.body()).doesNotContain("data-testid=\"new-rule\"");
	}

	@Test
	void anAdminKeepsACalendarOnThePage() throws Exception {
		var admin = WebSession.signedIn(port, "admin@globex.test");
		String name = "Night desk " + UUID.randomUUID().toString().substring(0, 8);
		var created = admin.submit("/admin/sla/globex", "/admin/sla/globex/calendars", "name=" + enc(name) + "&zone=Asia%2FTokyo&week="
				+ enc("MONDAY 22:00-06:00\nTUESDAY 22:00-06:00") + "&holidays=" + enc("2026-12-31"));
		assertThat(created.statusCode()).isEqualTo(302);
		JsonNode calendars = as("admin@globex.test").get("/api/v1/calendars?client=globex").json();
		JsonNode night = null;
		for (JsonNode c : calendars) {
			night = name.equals(c.get("name").asString()) ? c : night;
		}
		assertThat(night).isNotNull();
		assertThat(night.get("zone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(night.get("week").get("MONDAY").get(0).get("end").asString()).isEqualTo("06:00");
		var bad = admin.submit("/admin/sla/globex", "/admin/sla/globex/calendars", "id=" + night.get("id").asLong() + "&name=" + enc(name)
				+ "&zone=Mars%2FOlympus&week=" + enc("FUNDAY 09:00-17:00"));
		assertThat(bad.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/sla/globex").body()).contains("data-testid=\"problems\"", "zone", "week.FUNDAY");
		assertThat(as("admin@globex.test").get("/api/v1/calendars/" + night.get("id").asLong()).json().get("zone").asString())
			.as("a rejected change leaves the calendar as it was").isEqualTo("Asia/Tokyo");
	}

	@Test
	void theReportCountsMetAndBreachedClocksPerCellAndShowsAChart() throws Exception {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		String period = "client=globex&from=" + today.minusDays(3) + "&to=" + today.plusDays(10);
		JsonNode before = cell(as("admin@globex.test").get("/api/v1/sla/attainment?" + period).json(), "FIRST_RESPONSE", "P1");

		String met = openGlobexTicket("P1");
		as("t1@northwind.test").post("/api/v1/tickets/" + met + "/messages", Map.of("body", "On it, here is the fix", "visibility", "PUBLIC"));
		String breached = openGlobexTicket("P1");
		clock.advance(Duration.ofMinutes(16));
		while (timers.fireDue(500) >= 500) {
			// earlier tests' timers drain too
		}
		JsonNode report = as("admin@globex.test").get("/api/v1/sla/attainment?" + period).json();
		JsonNode after = cell(report, "FIRST_RESPONSE", "P1");
		assertThat(after.get("met").asLong()).isEqualTo(before.get("met").asLong() + 1);
		assertThat(after.get("breached").asLong()).isGreaterThanOrEqualTo(before.get("breached").asLong() + 1);
		double expected = after.get("met").asDouble() / (after.get("met").asLong() + after.get("breached").asLong());
		assertThat(after.get("attainment").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.0001));
		assertThat(breached).isNotBlank();

		var page = WebSession.signedIn(port, "admin@globex.test").get("/sla/report?" + period);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"attainment-chart\"", "chart.umd.min.js", "FIRST_RESPONSE", "data-testid=\"by-cell\"");
		assertThat(as("admin@globex.test").get("/api/v1/sla/attainment?client=acme").status()).isEqualTo(404);
		assertThat(as("admin@globex.test").get("/api/v1/sla/attainment?from=yesterday&to=2026-01-01").status()).isEqualTo(422);
		assertThat(Api.at(port).get("/webjars/chart.js/dist/chart.umd.min.js").status()).isEqualTo(200);
	}

	/** The row of T1 WEB tickets at this severity (what openGlobexTicket opens), or zeros. */
	static JsonNode cell(JsonNode report, String clockName, String severity) {
		for (JsonNode r : report.get("rows")) {
			if (clockName.equals(r.get("clock").asString()) && "T1".equals(r.get("tier").asString())
					&& "API".equals(r.get("channel").asString()) && severity.equals(r.get("severity").asString())) {
				return r;
			}
		}
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree("{\"met\":0,\"breached\":0}");
	}
}
