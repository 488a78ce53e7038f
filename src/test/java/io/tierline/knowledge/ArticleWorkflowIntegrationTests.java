package io.tierline.knowledge;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import static io.tierline.knowledge.KnowledgeFixture.ARTICLES;
import static io.tierline.knowledge.KnowledgeFixture.article;
import static io.tierline.knowledge.KnowledgeFixture.create;
import static io.tierline.knowledge.KnowledgeFixture.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5 workflow: who may move an article where, versions and diffs, sanitising, events for search. */
@IntegrationTest
@Import(ArticleWorkflowIntegrationTests.Recorder.class)
class ArticleWorkflowIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Recorder recorder;

	@Autowired
	KnowledgeManagement knowledge;

	@TestConfiguration
	static class Recorder {

		final List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();

		@EventListener
		void on(KnowledgeEvents.ArticlePublished e) {
			events.add(e);
		}

		@EventListener
		void on(KnowledgeEvents.ArticleArchived e) {
			events.add(e);
		}

		@EventListener
		void on(KnowledgeEvents.ArticleChanged e) {
			events.add(e);
		}
	}

	Api as(String email) {
		return Api.at(port).as(email);
	}

	String token() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anAgentDraftsAndSubmitsButOnlyTheClientsReviewerPublishes() {
		var agent = as("t1@northwind.test");
		long id = create(agent, article("acme", "HOW_TO", "PUBLIC", "Reset a password " + token(), "1. Open settings")).get("id").asLong();
		assertThat(agent.post(ARTICLES + "/" + id + "/publish", Map.of()).status()).isEqualTo(403);
		var submitted = agent.post(ARTICLES + "/" + id + "/submit", Map.of("note", "please review"));
		assertThat(submitted.json().get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(as("admin@northwind.test").post(ARTICLES + "/" + id + "/publish", Map.of()).status()).isEqualTo(403);
		assertThat(as("admin@globex.test").post(ARTICLES + "/" + id + "/publish", Map.of()).status()).isEqualTo(404);

		var published = as("kb@acme.test").post(ARTICLES + "/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.text()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.json().get("publishedVersion").asInt()).isEqualTo(1);
		assertThat(recorder.events).anyMatch(e -> e instanceof KnowledgeEvents.ArticlePublished p && p.articleId() == id && p.version() == 1);
	}

	@Test
	void aReviewerRejectsWithAReasonAndArchivesAndTheWorkflowRefusesImpossibleMoves() {
		long id = create(as("t2@northwind.test"), article("acme", "TROUBLESHOOTING", "INTERNAL", "Slow dashboard " + token(), "Check the cache")).get("id").asLong();
		var reviewer = as("kb@acme.test");
		assertThat(reviewer.post(ARTICLES + "/" + id + "/reject", Map.of("note", "x")).status()).isEqualTo(409);
		as("t2@northwind.test").post(ARTICLES + "/" + id + "/submit", Map.of());
		var noReason = reviewer.post(ARTICLES + "/" + id + "/reject", Map.of());
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(fields(noReason)).containsExactly("note");
		assertThat(reviewer.post(ARTICLES + "/" + id + "/reject", Map.of("note", "add the cache key")).json().get("status").asString())
			.isEqualTo("DRAFT");
		assertThat(as("t2@northwind.test").post(ARTICLES + "/" + id + "/archive", Map.of()).status()).isEqualTo(403);
		assertThat(reviewer.post(ARTICLES + "/" + id + "/archive", Map.of()).json().get("status").asString()).isEqualTo("ARCHIVED");
		assertThat(as("t2@northwind.test").put(ARTICLES + "/" + id, article(null, null, "INTERNAL", "x", "y")).status()).isEqualTo(409);
		assertThat(recorder.events).anyMatch(e -> e instanceof KnowledgeEvents.ArticleArchived a && a.articleId() == id);
		var history = as("t2@northwind.test").get(ARTICLES + "/" + id + "/history").json();
		assertThat(history.get(0).get("to").asString()).isEqualTo("ARCHIVED");
		assertThat(history.toString()).contains("add the cache key");
	}

	@Test
	void shadowAgentsAndAuditorsOnlyRead() {
		long id = create(as("t1@northwind.test"), article("acme", "HOW_TO", "INTERNAL", "Readable " + token(), "body")).get("id").asLong();
		assertThat(as("shadow@northwind.test").get(ARTICLES + "/" + id).status()).isEqualTo(200);
		assertThat(as("auditor@acme.test").get(ARTICLES + "/" + id).status()).isEqualTo(200);
		assertThat(as("shadow@northwind.test").post(ARTICLES, article("acme", "HOW_TO", "INTERNAL", "No", "no")).status()).isEqualTo(403);
		assertThat(as("auditor@acme.test").put(ARTICLES + "/" + id, article(null, null, "INTERNAL", "No", "no")).status()).isEqualTo(403);
	}

	@Test
	void anEditOfAPublishedArticleKeepsThePublishedVersionReadableUntilTheRevisionIsPublished() {
		String t = token();
		long id = KnowledgeFixture.published(as("t1@northwind.test"), as("kb@acme.test"),
				article("acme", "HOW_TO", "PUBLIC", "Export a report " + t, "Open reports.\nClick export.\nWait."));
		var revised = as("t2@northwind.test").put(ARTICLES + "/" + id,
				Map.of("audience", "PUBLIC", "title", "Export a report " + t, "body", "Open reports.\nClick export as CSV.\nWait.", "note", "CSV"));
		assertThat(revised.status()).as(revised.text()).isEqualTo(200);
		assertThat(revised.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(revised.json().get("version").asInt()).isEqualTo(2);
		assertThat(revised.json().get("publishedVersion").asInt()).isEqualTo(1);

		var requesterView = as("dana@customer.test").get(ARTICLES + "/" + id).json();
		assertThat(requesterView.get("body").asString()).contains("Click export.").doesNotContain("CSV");
		assertThat(knowledge.published(id).orElseThrow().version()).isEqualTo(1);

		var versions = as("t2@northwind.test").get(ARTICLES + "/" + id + "/versions").json();
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("note").asString()).isEqualTo("CSV");
		var diff = as("t2@northwind.test").get(ARTICLES + "/" + id + "/diff?from=1&to=2").json();
		assertThat(diff.get("lines").toString()).contains("REMOVED", "Click export.", "ADDED", "Click export as CSV.");
		assertThat(diff.get("html").asString()).contains("<tr class=\"removed\">", "<tr class=\"added\">");
		assertThat(as("dana@customer.test").get(ARTICLES + "/" + id + "/versions").status()).isEqualTo(404);

		as("kb@acme.test").post(ARTICLES + "/" + id + "/publish", Map.of());
		assertThat(as("dana@customer.test").get(ARTICLES + "/" + id).json().get("body").asString()).contains("CSV");
	}

	@Test
	void rendersMarkdownWithoutScriptsOrEventHandlers() {
		var created = create(as("t1@northwind.test"), article("acme", "HOW_TO", "INTERNAL", "Sanitised " + token(),
				"# Title\n\n<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\" onclick=\"x()\">link</a> **bold**"));
		String html = created.get("html").asString();
		assertThat(html).contains("<h1>Title</h1>", "<strong>bold</strong>").doesNotContain("<script", "alert(1)", "javascript:", "onclick");
	}

	@Test
	void answersBadInputWithProblemDetailsNamingEachField() {
		var response = as("t1@northwind.test").post(ARTICLES, Map.of("client", "acme", "kind", "RECIPE", "audience", "EVERYONE", "title", "",
				"products", List.of("no-such-product")));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.header("Content-Type")).contains("application/problem+json");
		assertThat(fields(response)).contains("kind", "audience", "title");
		var tree = KnowledgeFixture.loginTree("acme", "Broken tree");
		tree.put("tree", Map.of("start", "nowhere", "nodes", List.of(KnowledgeFixture.node("a", "Q?", null,
				List.of(KnowledgeFixture.answer("Yes", "NODE", "missing", null, null), KnowledgeFixture.answer("No", "RESOLUTION", null, null, null))))));
		var badTree = as("t1@northwind.test").post(ARTICLES, tree);
		assertThat(badTree.status()).isEqualTo(422);
		assertThat(fields(badTree)).contains("tree.nodes[0].answers[0].next", "tree.nodes[0].answers[1].text", "tree.start");
		var productProblem = as("t1@northwind.test").post(ARTICLES, article("acme", "HOW_TO", "PUBLIC", "p", "b"));
		assertThat(productProblem.status()).isEqualTo(201);
		var unknownProduct = as("t1@northwind.test").post(ARTICLES, Map.of("client", "acme", "kind", "HOW_TO", "title", "t", "body", "b",
				"products", List.of("globex-pos")));
		assertThat(fields(unknownProduct)).containsExactly("products[0]");
		assertThat(as("t1@northwind.test").get(ARTICLES + "?status=LIVE").status()).isEqualTo(422);
	}

	@Test
	void streamsEveryPublishedArticlePageByPageForASearchRebuild() {
		String t = token();
		long id = KnowledgeFixture.published(as("t1@northwind.test"), as("kb@acme.test"),
				Map.of("client", "acme", "kind", "HOW_TO", "audience", "PUBLIC", "title", "Streamed " + t, "body", "b",
						"products", List.of("acme-cloud")));
		long draft = create(as("t1@northwind.test"), article("acme", "HOW_TO", "PUBLIC", "Draft " + t, "b")).get("id").asLong();
		List<ArticleDocument> docs = new java.util.ArrayList<>();
		knowledge.forEachPublished(docs::add);
		assertThat(docs).anySatisfy(d -> {
			assertThat(d.articleId()).isEqualTo(id);
			assertThat(d.products()).containsExactly("acme-cloud");
			assertThat(d.client()).isEqualTo("acme");
		});
		assertThat(docs).noneMatch(d -> d.articleId() == draft);
		assertThat(as("t1@northwind.test").get(ARTICLES + "?product=acme-cloud&q=Streamed%20" + t).json().get("items").toString())
			.contains("\"id\":" + id);
		assertThat(as("t1@northwind.test").get(ARTICLES + "?product=globex-pos&q=Streamed%20" + t).json().get("items")).isEmpty();
		assertThat(docs).extracting(ArticleDocument::articleId).isSorted();
	}

	@Test
	void theDemoKnowledgeBaseHasATreeTwoMacrosAndPublicAndInternalArticlesPerClient() {
		for (String client : List.of("acme", "globex")) {
			var items = as("t2@northwind.test").get(ARTICLES + "?client=" + client + "&limit=200").json().get("items").toString();
			assertThat(items).contains("Guided: I cannot sign in", "Macro: password reset link sent", "Macro: status check answered",
					"\"audience\":\"PUBLIC\"", "\"audience\":\"INTERNAL\"", "IN_REVIEW", "\"status\":\"DRAFT\"");
		}
		var sam = as("sam@shopper.test").get(ARTICLES + "?limit=200").json().get("items").toString();
		assertThat(sam).contains("globex", "Guided: I cannot sign in").doesNotContain("\"client\":\"acme\"", "INTERNAL");
	}
}
