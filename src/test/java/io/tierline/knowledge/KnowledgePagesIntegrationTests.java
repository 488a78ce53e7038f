package io.tierline.knowledge;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tierline.knowledge.KnowledgeFixture.article;
import static io.tierline.knowledge.KnowledgeFixture.events;
import static io.tierline.knowledge.KnowledgeFixture.openTicket;
import static io.tierline.support.WebSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The knowledge pages: library, editor (tree and macro), workflow buttons, ticket panel, runner, portal help. */
@IntegrationTest
class KnowledgePagesIntegrationTests {

	@LocalServerPort
	int port;

	Api as(String email) {
		return Api.at(port).as(email);
	}

	String token() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void listsTheLibraryWholeOnFirstLoadAndOnlyTheRowsForHtmx() throws Exception {
		String t = token();
		KnowledgeFixture.create(as("t1@northwind.test"), article("acme", "HOW_TO", "INTERNAL", "Listed " + t, "b"));
		var agent = WebSession.signedIn(port, "t1@northwind.test");
		var page = agent.get("/knowledge?q=" + t);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html", "data-testid=\"articles\"", "Listed " + t);
		var rows = agent.get("/knowledge?q=" + t, "HX-Request", "true");
		assertThat(rows.body()).doesNotContain("<html").contains("Listed " + t);
		assertThat(WebSession.signedIn(port, "admin@globex.test").get("/knowledge?q=" + t).body()).doesNotContain("Listed " + t);
		assertThat(agent.get("/knowledge?q=" + t + "&product=acme-cloud").body()).doesNotContain("Listed " + t);
	}

	@Test
	void writesATreeInTheStructuredEditorReviewsItAndShowsTheDiff() throws Exception {
		String t = token();
		var agent = WebSession.signedIn(port, "t2@northwind.test");
		String base = "client=acme&kind=DIAGNOSTIC_TREE&audience=PUBLIC&body=" + enc("Guided") + "&node0.id=start&node0.text="
				+ enc("Is the device online?") + "&node0.capture=&node1.id=&node1.text=&node1.answers=";
		var invalid = agent.submit("/knowledge/new", "/knowledge", base + "&title=&node0.answers=" + enc("Yes -> node:nowhere"));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("data-testid=\"problems\"", "title", "tree.nodes[0].answers[0].next", "<form");

		var created = agent.submit("/knowledge/new", "/knowledge", base + "&title=" + enc("Tree " + t) + "&node0.answers="
				+ enc("Yes -> resolve: Restart the app\nNo -> escalate: Device offline"));
		assertThat(created.statusCode()).isEqualTo(302);
		String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		assertThat(agent.get(path).body()).contains("Tree " + t, "Is the device online?", "data-testid=\"submit\"")
			.doesNotContain("data-testid=\"publish\"");

		assertThat(agent.get("/knowledge/" + id + "/edit").body()).contains("Yes -&gt; resolve: Restart the app");
		var revised = agent.submit("/knowledge/" + id + "/edit", "/knowledge/" + id, base + "&title=" + enc("Tree " + t)
				+ "&node0.answers=" + enc("Yes -> resolve: Restart the app twice\nNo -> escalate: Device offline") + "&note=twice");
		assertThat(revised.statusCode()).isEqualTo(302);
		var diff = agent.get("/knowledge/" + id + "/diff?from=1&to=2");
		assertThat(diff.body()).contains("class=\"removed\"", "class=\"added\"", "Restart the app twice");

		var reviewer = WebSession.signedIn(port, "kb@acme.test");
		assertThat(reviewer.get("/knowledge/" + id).body()).contains("data-testid=\"publish\"");
		var published = reviewer.submit("/knowledge/" + id, "/knowledge/" + id + "/publish", "note=ok");
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(reviewer.get("/knowledge/" + id).body()).contains("PUBLISHED");
		assertThat(agent.submit("/knowledge/" + id, "/knowledge/" + id + "/archive", "note=x").statusCode()).isEqualTo(403);
	}

	@Test
	void runsATreeFromTheTicketPanelAndAnEscalationOpensTheEscalateFormWithTheAnswers() throws Exception {
		String t = token();
		long tree = KnowledgeFixture.published(as("t2@northwind.test"), as("kb@acme.test"), KnowledgeFixture.loginTree("acme", "Panel tree " + t));
		String ticket = openTicket(as("t1@northwind.test"), "acme", "Panel " + t).get("number").asString();
		var agent = WebSession.signedIn(port, "t2@northwind.test");
		var panel = agent.get("/tickets/" + ticket + "/knowledge", "HX-Request", "true");
		assertThat(panel.body()).doesNotContain("<html").contains("data-testid=\"knowledge-panel\"", "Panel tree " + t,
				"Create article from this ticket");
		assertThat(agent.get("/tickets/" + ticket).body()).contains("data-testid=\"knowledge-slot\"");

		var step = agent.get("/knowledge/" + tree + "/run?ticket=" + ticket + "&a=0");
		assertThat(step.body()).contains("Does signing in work in a private window?", "Chrome");
		var end = agent.get("/knowledge/" + tree + "/run?ticket=" + ticket + "&a=0,1");
		assertThat(end.body()).contains("data-testid=\"end\"", "Save the path and escalate");
		var saved = agent.submit("/knowledge/" + tree + "/run?ticket=" + ticket + "&a=0,1", "/knowledge/" + tree + "/run",
				"ticket=" + ticket + "&a=0&a=1");
		assertThat(saved.statusCode()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/tickets/" + ticket + "/escalate", "env.browser=Chrome");
		var form = agent.get(URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery());
		assertThat(form.body()).contains("Which browser do you use? → Chrome", "value=\"Chrome\"");
		assertThat(events(as("t2@northwind.test"), ticket, "DIAGNOSTIC_PATH")).hasSize(1);
	}

	@Test
	void appliesAMacroAndCreatesAnArticleFromTheTicketPage() throws Exception {
		String t = token();
		var macro = article("acme", "MACRO", "INTERNAL", "Page macro " + t, "");
		macro.put("macro", Map.of("intent", "status-check", "reply", "Still on it " + t, "tags", List.of("status-check")));
		long id = KnowledgeFixture.published(as("t1@northwind.test"), as("kb@acme.test"), macro);
		String ticket = openTicket(as("t1@northwind.test"), "acme", "Macro page " + t).get("number").asString();
		var agent = WebSession.signedIn(port, "t1@northwind.test");
		var applied = agent.submit("/tickets/" + ticket, "/tickets/" + ticket + "/macros", "macro=" + id);
		assertThat(applied.statusCode()).isEqualTo(302);
		assertThat(agent.get("/tickets/" + ticket).body()).contains("Still on it " + t, "status-check");
		assertThat(events(as("t1@northwind.test"), ticket, "MACRO_APPLIED")).hasSize(1);

		var prefilled = agent.get("/knowledge/new?fromTicket=" + ticket);
		assertThat(prefilled.body()).contains("Macro page " + t, "value=\"" + ticket + "\"", "Still on it " + t);
		var created = agent.submit("/knowledge/new?fromTicket=" + ticket, "/knowledge", "client=acme&kind=TROUBLESHOOTING&audience=INTERNAL"
				+ "&title=" + enc("From " + t) + "&body=" + enc("Solved by waiting") + "&fromTicket=" + ticket);
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(events(as("t1@northwind.test"), ticket, "KNOWLEDGE_LINKED").get(0).get("data").asString()).contains("CREATED");
	}

	@Test
	void theRequesterHelpShowsOnlyPublicPublishedArticlesOfTheirClient() throws Exception {
		String t = token();
		long shown = KnowledgeFixture.published(as("t1@northwind.test"), as("kb@acme.test"), article("acme", "HOW_TO", "PUBLIC",
				"Help public " + t, "Visible <script>alert(1)</script>"));
		KnowledgeFixture.published(as("t1@northwind.test"), as("kb@acme.test"), article("acme", "HOW_TO", "INTERNAL", "Help internal " + t, "x"));
		KnowledgeFixture.create(as("t1@northwind.test"), article("acme", "HOW_TO", "PUBLIC", "Help draft " + t, "x"));
		var dana = WebSession.signedIn(port, "dana@customer.test");
		assertThat(dana.get("/help?q=" + t).body()).contains("Help public " + t).doesNotContain("Help internal", "Help draft");
		assertThat(dana.get("/help/" + shown).body()).contains("Visible").doesNotContain("<script>alert");
		assertThat(WebSession.signedIn(port, "sam@shopper.test").get("/help?q=" + t).body()).doesNotContain("Help public");
		assertThat(WebSession.signedIn(port, "sam@shopper.test").get("/help/" + shown).statusCode()).isEqualTo(404);
	}

	@Test
	void aRequestersTreeRunEndingInAnEscalationOpensARequestCarryingThePath() throws Exception {
		String t = token();
		long tree = KnowledgeFixture.published(as("t2@northwind.test"), as("kb@acme.test"), KnowledgeFixture.loginTree("acme", "Portal tree " + t));
		var dana = WebSession.signedIn(port, "dana@customer.test");
		assertThat(dana.get("/help?q=" + t).body()).contains("/help/" + tree + "/run");
		var end = dana.get("/help/" + tree + "/run?a=1,1");
		assertThat(end.body()).contains("data-testid=\"open-request\"", "Which browser do you use? → Firefox");
		var opened = dana.submit("/help/" + tree + "/run?a=1,1", "/help/" + tree + "/request", "a=1&a=1&subject=" + enc("Cannot sign in " + t));
		assertThat(opened.statusCode()).isEqualTo(302);
		String location = opened.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/portal/tickets/ACME-");
		String ticket = location.substring(location.lastIndexOf('/') + 1);
		var view = as("t1@northwind.test").get("/api/v1/tickets/" + ticket + "/messages").text();
		assertThat(view).contains("Does signing in work in a private window? → No");
		assertThat(events(as("t1@northwind.test"), ticket, "DIAGNOSTIC_PATH").get(0).get("data").asString()).contains("ESCALATION", "Firefox");
	}

	@Test
	void theTicketPanelOffersNoMacroOrContributionToAShadowAgent() throws Exception {
		String ticket = openTicket(as("t1@northwind.test"), "acme", "Shadow panel " + token()).get("number").asString();
		var panel = WebSession.signedIn(port, "shadow@northwind.test").get("/tickets/" + ticket + "/knowledge", "HX-Request", "true");
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains("data-testid=\"knowledge-panel\"").doesNotContain("apply-macro", "create-article", "link-article");
	}
}
