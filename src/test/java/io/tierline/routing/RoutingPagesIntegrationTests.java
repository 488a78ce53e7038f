package io.tierline.routing;

import java.util.Map;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing pages a lead uses (queue settings, agents, live load) and the survey texts page. */
@IntegrationTest
class RoutingPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api admin() {
		return Api.at(port).as("admin@northwind.test");
	}

	@Test
	void aLeadChangesAQueuesStrategyAndTeamsOnTheSettingsPage() throws Exception {
		var fx = new RoutingFixture(jdbc, admin());
		var lead = WebSession.signedIn(port, "lead@northwind.test");
		var page = lead.get("/routing?client=acme");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"queue-row\"").contains(fx.queue).contains("Billing desk");
		var saved = lead.submit("/routing?client=acme", "/routing/queues", "client=acme&queue=" + fx.queue
				+ "&strategy=LEAST_LOADED&reassignOnBreach=true&teams=" + WebSession.enc(fx.team));
		assertThat(saved.statusCode()).isIn(200, 302);
		var queue = admin().get("/api/v1/routing/clients/acme/queues/" + fx.queue).json();
		assertThat(queue.get("strategy").asString()).isEqualTo("LEAST_LOADED");
		assertThat(queue.get("teams").get(0).asString()).isEqualTo(fx.team);
		assertThat(queue.get("dedicated").asBoolean()).isFalse();
	}

	@Test
	void theLiveLoadRendersWholeAndAsAnHtmxFragment() throws Exception {
		var fx = new RoutingFixture(jdbc, admin());
		String agent = fx.agent("lia", 12);
		var lead = WebSession.signedIn(port, "lead@northwind.test");
		var whole = lead.get("/routing/load?client=acme");
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).contains("<html").contains("Live load").contains("data-testid=\"load-agent\"").contains("0 / 12");
		var fragment = lead.get("/routing/load?client=acme", "HX-Request", "true");
		assertThat(fragment.body()).doesNotContain("<html").contains("data-testid=\"load\"").contains("hx-trigger=\"every 5s\"");
		assertThat(admin().get("/api/v1/routing/clients/acme/load").json().get("agents").toString()).contains(agent);
	}

	@Test
	void theAgentsPageSetsCapacityHoursAndSkills() throws Exception {
		var fx = new RoutingFixture(jdbc, admin());
		String agent = fx.agent("kai", 20);
		var lead = WebSession.signedIn(port, "lead@northwind.test");
		assertThat(lead.get("/routing/agents").body()).contains(agent);
		var saved = lead.submit("/routing/agents", "/routing/agents/" + agent, "status=AVAILABLE&capacity=7&timeZone=Europe%2FBerlin"
				+ "&shiftStart=08:00&shiftEnd=17:00&workDays=12345&skills=" + WebSession.enc("LANGUAGE:de:4, CATEGORY:billing:2"));
		assertThat(saved.statusCode()).isIn(200, 302);
		var view = admin().get("/api/v1/routing/agents/" + agent).json();
		assertThat(view.get("availability").get("capacity").asInt()).isEqualTo(7);
		assertThat(view.get("availability").get("timeZone").asString()).isEqualTo("Europe/Berlin");
		assertThat(view.get("skills").toString()).contains("\"skill\":\"de\"").contains("\"level\":4").contains("billing");
	}

	@Test
	void agentsWithoutLeadRightsDoNotSeeRoutingAndAdminsSeeSurveyTexts() throws Exception {
		var agent = WebSession.signedIn(port, "t1@northwind.test");
		assertThat(agent.get("/routing").statusCode()).isEqualTo(404);
		var admin = WebSession.signedIn(port, "admin@acme.test");
		var texts = admin.get("/admin/survey-texts?client=acme");
		assertThat(texts.statusCode()).isEqualTo(200);
		assertThat(texts.body()).contains("CSAT survey texts");
		assertThat(Api.at(port).get("/survey/1-1-1-forged").status()).isEqualTo(404);
	}
}
