package io.tierline.kpi;

import io.tierline.access.AccessManagement;
import io.tierline.kpi.internal.KpiProjection;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.tierline.kpi.TicketHistoryFixture.days;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: a survey answer changed within its window replaces the earlier one in CSAT; it never counts twice. */
@IntegrationTest
class KpiSurveyChangeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessManagement access;

	@Autowired
	KpiProjection projection;

	@Test
	void aChangedAnswerReplacesTheEarlierOneForItsSolve() {
		var history = new TicketHistoryFixture(jdbc, access);
		long ticket = history.ticket(days(0));
		history.solved(ticket, "t1@northwind.test", days(1));
		history.event(ticket, "CSAT", null, days(1.2), "{\"score\":5,\"tier\":\"T1\",\"solve\":1,\"via\":\"SURVEY\"}");
		history.event(ticket, "CSAT", null, days(1.4), "{\"score\":2,\"tier\":\"T1\",\"solve\":1,\"via\":\"SURVEY\",\"changed\":true}");

		JsonNode csat = csat(history, days(20));
		assertThat(csat.get("numerator").asDouble()).isZero();
		assertThat(csat.get("denominator").asDouble()).isEqualTo(1);
		JsonNode before = csat(history, days(1.3));
		assertThat(before.get("denominator").asDouble()).as("counted from the first answer").isEqualTo(1);
		assertThat(csat(history, days(1.1)).get("denominator").asDouble()).as("not yet answered").isZero();
	}

	private JsonNode csat(TicketHistoryFixture history, java.time.Instant asOf) {
		projection.catchUp();
		var response = Api.at(port).as("admin@northwind.test").get("/api/v1/kpis?client=" + history.client
				+ "&from=2026-03-01&to=2026-04-01&asOf=" + asOf);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		for (JsonNode value : response.json().get("kpis")) {
			if (value.get("kpi").asString().equals("csat") && value.get("group").asString().equals("all")) {
				return value;
			}
		}
		throw new AssertionError("no csat in " + response.text());
	}
}
