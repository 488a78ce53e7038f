package io.tierline.kpi;

import java.util.ArrayList;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.kpi.internal.KpiProjection;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.tierline.kpi.TicketHistoryFixture.days;
import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which client's KPIs (SPEC §1), and bad parameters named one by one. */
@IntegrationTest
class KpiAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessManagement access;

	@Autowired
	KpiProjection projection;

	TicketHistoryFixture history;

	@BeforeEach
	void aClientWithOneSolvedTicket() {
		history = new TicketHistoryFixture(jdbc, access);
		long ticket = history.ticket(days(0));
		history.solved(ticket, "t1@northwind.test", days(1));
		projection.catchUp();
	}

	Api.Response get(String email, String query) {
		return Api.at(port).as(email).get("/api/v1/kpis?from=2026-03-01&to=2026-04-01&asOf=2026-03-20" + query);
	}

	static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach(n -> texts.add(field == null ? n.asString() : n.get(field).asString()));
		return texts;
	}

	@Test
	void aClientAdminSeesOnlyTheirOwnClient() {
		for (String email : List.of("admin@globex.test", "admin@acme.test", "auditor@acme.test")) {
			var all = get(email, "&groupBy=client");
			assertThat(all.status()).as(all.text()).isEqualTo(200);
			String own = email.endsWith("globex.test") ? "globex" : "acme";
			assertThat(texts(all.json().get("clients"), null)).as(email).containsExactly(own);
			assertThat(texts(all.json().get("kpis"), "group")).as(email).doesNotContain(history.client, own.equals("acme") ? "globex" : "acme");
			assertThat(get(email, "&client=" + history.client).status()).as(email).isEqualTo(404);
		}
	}

	@Test
	void providerStaffSeeTheirGrantedClientsAndAProviderAdminSeesAll() {
		var agent = get("t1@northwind.test", "&groupBy=client");
		// other test classes grant t1 on clients of their own in the shared database: only this one matters here
		assertThat(texts(agent.json().get("clients"), null)).contains("acme", "globex").doesNotContain(history.client);
		assertThat(texts(agent.json().get("kpis"), "group")).doesNotContain(history.client);
		assertThat(get("t1@northwind.test", "&client=" + history.client).status()).isEqualTo(404);

		var admin = get("admin@northwind.test", "&client=" + history.client);
		assertThat(texts(admin.json().get("clients"), null)).containsExactly(history.client);
	}

	@Test
	void aRequesterSeesNoKpis() {
		var requester = get("dana@customer.test", "");
		assertThat(requester.status()).isEqualTo(200);
		assertThat(requester.json().get("kpis")).isEmpty();
	}

	@Test
	void badParametersAreRefusedWith422NamingEachField() {
		var bad = Api.at(port).as("admin@northwind.test")
			.get("/api/v1/kpis?from=yesterday&to=2026-03-01&asOf=soon&groupBy=planet&windowDays=0&client=nowhere");
		assertThat(bad.status()).as(bad.text()).isEqualTo(422);
		assertThat(texts(bad.json().get("errors"), "field")).contains("from", "asOf", "groupBy", "windowDays", "client");
		var backwards = Api.at(port).as("admin@northwind.test").get("/api/v1/kpis?from=2026-04-01&to=2026-03-01");
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(texts(backwards.json().get("errors"), "field")).containsExactly("from");
	}

	@Test
	void theCsvHasOneLinePerKpiAndGroup() {
		var csv = Api.at(port).as("admin@northwind.test")
			.get("/api/v1/kpis.csv?from=2026-03-01&to=2026-04-01&asOf=2026-03-20&client=" + history.client);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.text()).startsWith("kpi,group,value,numerator,denominator\n").contains("\nfcr,all,1,1,1\n", "\nreopen_rate,all,0,0,1\n");
	}
}
