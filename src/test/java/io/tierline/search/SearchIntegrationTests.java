package io.tierline.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import io.tierline.access.AccessManagement;
import io.tierline.search.internal.IndexFollower;
import io.tierline.search.internal.Reindexer;
import io.tierline.search.internal.SearchIndex;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Search and similarity over HTTP: ranking, typos, filters, snippets, isolation, and an index that follows changes. */
@IntegrationTest
class SearchIntegrationTests {

	private static final Random RANDOM = new Random();

	@LocalServerPort
	int port;

	@Autowired
	AccessManagement access;

	@Autowired
	SearchIndex searchIndex;

	@Autowired
	IndexFollower follower;

	@Autowired
	Reindexer reindexer;

	Api t1;

	@BeforeEach
	void setUp() {
		t1 = Api.at(port).as("t1@northwind.test");
	}

	/** A word no other document has, that the English analyzer keeps as it is. */
	static String word() {
		StringBuilder w = new StringBuilder("zq");
		for (int i = 0; i < 8; i++) {
			w.append((char) ('b' + RANDOM.nextInt(20)));
		}
		return w.append("zk").toString();
	}

	long solvedTicket(String client, String requester, String subject, String reply) {
		var opened = t1.post("/api/v1/tickets", Map.of("client", client, "requester", Map.of("email", requester, "name", "R"),
				"subject", subject, "description", "Reported by phone.", "channel", "EMAIL", "severity", "P3", "category", "authentication"));
		assertThat(opened.status()).as(opened.text()).isEqualTo(201);
		long id = opened.json().get("id").asLong();
		assertThat(t1.post("/api/v1/tickets/" + id + "/messages", Map.of("body", reply, "visibility", "PUBLIC", "kind", "SUBSTANTIVE"))
			.status()).isEqualTo(201);
		t1.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "internal only " + subject + " secretnote", "visibility", "INTERNAL"));
		assertThat(t1.patch("/api/v1/tickets/" + id, Map.of("status", "SOLVED")).status()).isEqualTo(200);
		return id;
	}

	/** A real article through the knowledge API, written and (unless a DRAFT) published by the client's reviewer. */
	long article(String client, SearchDocument.Audience audience, String status, String title, String body) {
		Api reviewer = Api.at(port).as("acme".equals(client) ? "kb@acme.test" : "admin@" + client + ".test");
		var created = reviewer.post("/api/v1/articles",
				Map.of("client", client, "kind", "HOW_TO", "audience", audience.name(), "title", title, "body", body));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		if ("PUBLISHED".equals(status)) {
			assertThat(reviewer.post("/api/v1/articles/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		}
		return id;
	}

	static JsonNode items(Api as, String query) {
		var response = as.get("/api/v1/search?" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json().get("items");
	}

	/** Waits for the index to follow the log (it does so on its own thread, within a second). */
	static JsonNode awaitItems(Api as, String query, Predicate<JsonNode> done) {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // a rebuild under a loaded CI machine takes a while
		JsonNode items = items(as, query);
		while (!done.test(items) && System.nanoTime() < until) {
			pause();
			items = items(as, query);
		}
		return items;
	}

	static List<Long> ids(JsonNode items) {
		List<Long> ids = new ArrayList<>();
		items.forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}

	static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void ranksTheTicketAboutTheWordsAboveOneThatMentionsThemInPassing() {
		String w = word();
		long passing = solvedTicket("acme", "dana@customer.test", "Billing address change",
				"Updated the address. Unrelated: " + w + " was mentioned once in a long thread about invoices and payments.");
		long about = solvedTicket("acme", "dana@customer.test", w + " spooler crash on start",
				"The " + w + " spooler crashed; restarting the " + w + " spooler service fixed it.");
		JsonNode items = awaitItems(t1, "q=" + w + "+spooler&type=ticket", i -> i.size() >= 2);
		assertThat(ids(items)).startsWith(about).contains(passing);
	}

	@Test
	void forgivesATypoInTheQuery() {
		String w = word();
		long id = solvedTicket("acme", "dana@customer.test", "Keyboard " + w + " stops responding", "Replaced the receiver.");
		awaitItems(t1, "q=" + w, i -> ids(i).contains(id));
		String typo = w.substring(0, 4) + (w.charAt(4) == 'x' ? 'y' : 'x') + w.substring(5);
		assertThat(ids(items(t1, "q=" + typo + "&type=ticket"))).contains(id);
	}

	@Test
	void highlightsTheMatchedWordsAndEscapesTheRest() {
		String w = word();
		long id = solvedTicket("acme", "dana@customer.test", "Portal shows raw markup", "The page printed <script>alert(1)</script> next to " + w + " in the footer.");
		JsonNode items = awaitItems(t1, "q=" + w, i -> ids(i).contains(id));
		JsonNode hit = items.get(0);
		assertThat(hit.get("snippet").asString()).contains("<mark>" + w + "</mark>").contains("&lt;script&gt;")
			.doesNotContain("<script>");
		assertThat(hit.get("url").asString()).isEqualTo("/tickets/" + id);
	}

	@Test
	void leavesInternalNotesOutOfTheIndex() {
		String w = word();
		long id = solvedTicket("acme", "dana@customer.test", "Mailbox full " + w, "Archived old mail.");
		awaitItems(t1, "q=" + w, i -> ids(i).contains(id));
		assertThat(ids(items(t1, "q=secretnote+" + w))).startsWith(id); // meaning may add neighbours (e.g. demo articles), never through the note
		assertThat(items(t1, "q=secretnote&type=ticket").toString()).doesNotContain("secretnote</mark>");
	}

	@Test
	void filtersByTypeClientAudienceAndProduct() {
		String w = word();
		long ticket = solvedTicket("acme", "dana@customer.test", "Sync " + w + " fails", "Cleared the cache.");
		long issue = Api.at(port).as("t2@northwind.test").post("/api/v1/known-issues", Map.of("client", "acme", "title", w + " sync loops",
				"symptoms", "The " + w + " client syncs forever", "product", "acme-cloud")).json().get("id").asLong();
		long a01 = article("acme", SearchDocument.Audience.PUBLIC, "PUBLISHED", "How to fix " + w, "Steps for " + w + ".");
		long a02 = article("acme", SearchDocument.Audience.INTERNAL, "PUBLISHED", "Internal " + w + " runbook", "Escalate " + w + ".");
		awaitItems(t1, "q=" + w, i -> ids(i).containsAll(List.of(ticket, issue, a01, a02)));

		// neighbours in meaning may join the words' hits; every hit still satisfies the filter
		JsonNode issues = items(t1, "q=" + w + "&type=known_issue");
		assertThat(ids(issues)).startsWith(issue);
		assertThat(issues.findValuesAsString("type")).containsOnly("known_issue");
		JsonNode tickets = items(t1, "q=" + w + "&type=ticket");
		assertThat(ids(tickets)).startsWith(ticket).doesNotContain(issue);
		assertThat(tickets.findValuesAsString("type")).containsOnly("ticket");
		assertThat(ids(items(t1, "q=" + w + "&type=article&audience=public"))).contains(a01).doesNotContain(a02, ticket, issue);
		assertThat(ids(items(t1, "q=" + w + "&audience=internal"))).contains(ticket, issue, a02).doesNotContain(a01);
		assertThat(ids(items(t1, "q=" + w + "&client=acme&product=acme-cloud"))).startsWith(issue).doesNotContain(ticket, a01);
		assertThat(ids(items(t1, "q=" + w + "&client=globex"))).doesNotContain(ticket, issue, a01, a02);
		assertThat(items(t1, "q=" + w + "&client=globex").findValuesAsString("client")).allMatch("globex"::equals);
	}

	@Test
	void aGlobexAgentGetsNoAcmeHitsAndAnAcmeAgentNoGlobexHits() {
		String w = word();
		long acme = solvedTicket("acme", "dana@customer.test", "Acme " + w, "Fixed for acme.");
		long globex = solvedTicket("globex", "sam@shopper.test", "Globex " + w, "Fixed for globex.");
		long a11 = article("acme", SearchDocument.Audience.PUBLIC, "PUBLISHED", "Acme article " + w, w);
		awaitItems(t1, "q=" + w, i -> ids(i).containsAll(List.of(acme, globex, a11)));

		Api globexAdmin = Api.at(port).as("admin@globex.test");
		JsonNode seen = items(globexAdmin, "q=" + w);
		assertThat(ids(seen)).startsWith(globex).doesNotContain(acme, a11);
		assertThat(seen.findValuesAsString("client")).containsOnly("globex");
		assertThat(globexAdmin.get("/api/v1/search?q=" + w + "&client=acme").status()).isEqualTo(422);
		assertThat(ids(items(Api.at(port).as("t2-acme@northwind.test"), "q=" + w))).contains(acme, a11).doesNotContain(globex);
		var similar = globexAdmin.post("/api/v1/similar", Map.of("text", "Acme " + w + " fixed for acme", "limit", 20));
		assertThat(similar.json().get("items").findValuesAsString("client")).containsOnly("globex");
	}

	@Test
	void aRequesterGetsOnlyPublicPublishedArticlesOfTheirOwnClient() {
		String w = word();
		solvedTicket("acme", "dana@customer.test", "Dana's own " + w, "Answered.");
		long a21 = article("acme", SearchDocument.Audience.PUBLIC, "PUBLISHED", "Reset " + w, "Public how-to " + w);
		long a22 = article("acme", SearchDocument.Audience.INTERNAL, "PUBLISHED", "Internal " + w, "Staff only " + w);
		long a23 = article("acme", SearchDocument.Audience.PUBLIC, "DRAFT", "Draft " + w, "Not yet " + w);
		long a24 = article("globex", SearchDocument.Audience.PUBLIC, "PUBLISHED", "Globex " + w, "Other client " + w);
		awaitItems(t1, "q=" + w, i -> ids(i).containsAll(List.of(a21, a22, a24)));
		assertThat(ids(items(t1, "q=" + w))).as("a draft is not searchable, even by staff").doesNotContain(a23);

		Api dana = Api.at(port).as("dana@customer.test");
		JsonNode danas = items(dana, "q=" + w);
		assertThat(ids(danas)).startsWith(a21).doesNotContain(a22, a23, a24);
		assertThat(danas.findValuesAsString("type")).containsOnly("article");
		assertThat(danas.findValuesAsString("client")).containsOnly("acme");
		assertThat(ids(items(Api.at(port).as("sam@shopper.test"), "q=" + w))).startsWith(a24).doesNotContain(a21, a22, a23);
		assertThat(dana.get("/api/v1/search?q=" + w + "&type=ticket").status()).isEqualTo(422);
		var similar = dana.post("/api/v1/similar", Map.of("text", "Dana's own " + w + " answered", "limit", 20));
		assertThat(ids(similar.json().get("items"))).doesNotContain(a22, a23, a24);
		assertThat(similar.json().get("items").findValuesAsString("type")).containsOnly("article");
	}

	@Test
	void followsArticlesThroughTheKnowledgeWorkflow() {
		String w = word();
		Api kb = Api.at(port).as("kb@acme.test");
		Api dana = Api.at(port).as("dana@customer.test");
		long pub = article("acme", SearchDocument.Audience.PUBLIC, "PUBLISHED", "Calibrate the " + w + " scanner",
				"## Steps\n1. Open **Settings**.\n2. Choose *Calibrate* for the " + w + " scanner.");
		long internal = article("acme", SearchDocument.Audience.INTERNAL, "PUBLISHED", "Internal " + w + " scanner runbook",
				"Staff only: reflash the " + w + " firmware.");
		JsonNode found = awaitItems(Api.at(port).as("admin@acme.test"), "client=acme&q=" + w + "&type=article",
				i -> ids(i).containsAll(List.of(pub, internal)));
		assertThat(ids(found)).containsAll(List.of(pub, internal));
		assertThat(found.toString()).as("Markdown is indexed as text").doesNotContain("**", "##");
		assertThat(found.findValuesAsString("url")).contains("/knowledge/" + pub);

		JsonNode danas = items(dana, "client=acme&q=" + w + "&type=article");
		assertThat(ids(danas)).startsWith(pub).doesNotContain(internal);
		assertThat(danas.get(0).get("url").asString()).isEqualTo("/help/" + pub);
		assertThat(ids(items(dana, "q=firmware+reflash+" + w))).doesNotContain(internal);
		assertThat(ids(items(Api.at(port).as("sam@shopper.test"), "q=" + w))).doesNotContain(pub, internal);

		// a proposed edit leaves the published version in the index until it is published
		String edit = word();
		assertThat(kb.put("/api/v1/articles/" + pub, Map.of("audience", "PUBLIC", "title", "Calibrate the " + w + " scanner",
				"body", "Now with " + edit)).status()).isEqualTo(200);
		assertThat(ids(items(t1, "q=" + w + "&type=article"))).contains(pub);
		assertThat(kb.post("/api/v1/articles/" + pub + "/publish", Map.of()).status()).isEqualTo(200);
		assertThat(ids(awaitItems(dana, "q=" + edit, i -> ids(i).contains(pub)))).contains(pub);

		assertThat(kb.post("/api/v1/articles/" + pub + "/archive", Map.of()).status()).isEqualTo(200);
		assertThat(ids(awaitItems(t1, "client=acme&q=" + w + "&type=article", i -> !ids(i).contains(pub)))).doesNotContain(pub)
			.contains(internal);
		assertThat(ids(items(dana, "q=" + w))).doesNotContain(pub, internal);
	}

	@Test
	void followsTicketAndKnownIssueChanges() {
		String w = word();
		long id = solvedTicket("acme", "dana@customer.test", "Printer " + w, "Replaced toner.");
		awaitItems(t1, "q=" + w, i -> ids(i).contains(id));
		assertThat(t1.patch("/api/v1/tickets/" + id, Map.of("status", "OPEN")).status()).isEqualTo(200);
		assertThat(ids(awaitItems(t1, "q=" + w, i -> !ids(i).contains(id)))).doesNotContain(id);

		Api t2 = Api.at(port).as("t2@northwind.test");
		long issue = t2.post("/api/v1/known-issues", Map.of("client", "acme", "title", "Export hangs", "symptoms", "stuck at 99%"))
			.json().get("id").asLong();
		String renamed = word();
		t2.put("/api/v1/known-issues/" + issue, Map.of("title", "Export hangs " + renamed, "symptoms", "stuck at 99%"));
		assertThat(ids(awaitItems(t1, "q=" + renamed, i -> ids(i).contains(issue)))).contains(issue);
	}

	@Test
	void rebuildsAMissingIndexFromTheDatabase() throws Exception {
		String w = word();
		long id = solvedTicket("acme", "dana@customer.test", "Projector " + w, "Swapped the cable.");
		awaitItems(t1, "q=" + w, i -> ids(i).contains(id));

		Path dir = searchIndex.path();
		searchIndex.writeLock().lock();
		try {
			searchIndex.current().close();
			FileSystemUtils.deleteRecursively(dir);
		}
		finally {
			searchIndex.writeLock().unlock();
		}
		follower.reopenOrRebuild();
		assertThat(ids(awaitItems(t1, "q=" + w, i -> ids(i).contains(id)))).contains(id);
		assertThat(reindexer.progress().state()).isEqualTo(Reindexer.State.DONE);
	}

	@Test
	void reindexesOnAnAdminsCommandAndReportsProgress() {
		assertThat(t1.post("/api/v1/search/reindex", Map.of()).status()).isEqualTo(403);
		Api admin = Api.at(port).as("admin@northwind.test");
		var started = admin.post("/api/v1/search/reindex", Map.of());
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		JsonNode progress = admin.get("/api/v1/search/reindex").json();
		while (!"DONE".equals(progress.get("state").asString()) && System.nanoTime() < until) {
			pause();
			progress = admin.get("/api/v1/search/reindex").json();
		}
		assertThat(progress.get("state").asString()).isEqualTo("DONE");
		assertThat(progress.get("done").asLong()).isPositive();
	}

	@Test
	void findsTheSolvedTicketClosestInMeaning() {
		String w = word();
		long espresso = solvedTicket("acme", "dana@customer.test", "Espresso machine " + w + " leaks water onto the kitchen floor",
				"Tightened the hose clamp under the coffee machine.");
		awaitItems(t1, "q=" + w, i -> ids(i).contains(espresso));
		var response = t1.post("/api/v1/similar", Map.of("client", "acme", "text", "our coffee maker is leaking water everywhere",
				"type", "ticket", "limit", 3));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode first = response.json().get("items").get(0);
		assertThat(first.get("id").asLong()).isEqualTo(espresso);
		assertThat(first.get("type").asString()).isEqualTo("ticket");
		assertThat(first.get("score").asDouble()).isBetween(0.3, 1.0);
	}

	@Test
	void refusesBadParametersWith422() {
		assertThat(fields(t1.get("/api/v1/search"))).contains("q");
		assertThat(fields(t1.get("/api/v1/search?q=x&type=bogus"))).contains("type");
		assertThat(fields(t1.get("/api/v1/search?q=x&limit=0"))).contains("limit");
		assertThat(fields(t1.get("/api/v1/search?q=x&client=nosuch"))).contains("client");
		assertThat(fields(t1.get("/api/v1/search?q=x&client=acme&product=nosuch"))).contains("product");
		assertThat(fields(t1.post("/api/v1/similar", Map.of("client", "acme")))).contains("text");
		assertThat(fields(t1.post("/api/v1/similar", Map.of("text", "x", "limit", 99)))).contains("limit");
	}

	static List<String> fields(Api.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		return response.json().get("errors").findValuesAsString("field");
	}

	@Test
	void theSearchPageRendersWholeAndAsAnHtmxFragment() throws Exception {
		String w = word();
		long id = solvedTicket("acme", "dana@customer.test", "Scanner " + w, "Updated the driver.");
		awaitItems(t1, "q=" + w, i -> ids(i).contains(id));
		WebSession web = WebSession.signedIn(port, "t1@northwind.test");
		var page = web.get("/search?q=" + w);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html").contains("<mark>" + w + "</mark>").contains("/tickets/" + id);
		var fragment = web.get("/search?q=" + w, "HX-Request", "true");
		assertThat(fragment.body()).doesNotContain("<html").contains("<mark>" + w + "</mark>");
	}

	@Test
	void theAdminPageStartsAReindexAndPollsItsProgress() throws Exception {
		WebSession web = WebSession.signedIn(port, "admin@northwind.test");
		var page = web.get("/admin/search");
		assertThat(page.body()).contains("Re-index now");
		var started = web.post("/admin/search/reindex", "_csrf=" + WebSession.enc(WebSession.csrf(page.body())), "HX-Request", "true");
		assertThat(started.statusCode()).isEqualTo(200);
		assertThat(started.body()).doesNotContain("<html").contains("<progress");
		var polled = web.get("/admin/search/progress", "HX-Request", "true");
		assertThat(polled.body()).contains("<progress").doesNotContain("<html");
		assertThat(web.get("/admin/search/progress").body()).contains("<html");
	}
}
