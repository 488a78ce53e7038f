package io.tierline.escalation;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tierline.escalation.KnownIssueApiIntegrationTests.ISSUES;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.create;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.issue;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.literal;
import static io.tierline.escalation.KnownIssueApiIntegrationTests.openTicket;
import static org.assertj.core.api.Assertions.assertThat;

/** The library's pages and the ticket page's panel, whole on first load and as htmx fragments. */
@IntegrationTest
class KnownIssuePagesIntegrationTests {

	@LocalServerPort
	int port;

	final class Browser {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path, String... headers) throws Exception {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form, String... headers) throws Exception {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded");
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		}

		Browser signIn(String email) throws Exception {
			String csrf = KnownIssuePagesIntegrationTests.csrf(get("/login").body());
			var response = post("/login", "username=" + enc(email) + "&password=demo&_csrf=" + enc(csrf));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return this;
		}

		/** This session's CSRF token, as every page hands it to htmx. */
		String csrf() throws Exception {
			Matcher m = Pattern.compile("X-CSRF-TOKEN&quot;: &quot;([^&]+)&quot;").matcher(get("/known-issues").body());
			assertThat(m.find()).as("csrf token for htmx in page").isTrue();
			return m.group(1);
		}
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("csrf field in page").isTrue();
		return m.group(1);
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	Api api(String email) {
		return Api.at(port).as(email);
	}

	@Test
	void rendersTheWholeListOnFirstLoadAndOnlyTheRowsForHtmx() throws Exception {
		String token = UUID.randomUUID().toString();
		create(api("t2@northwind.test"), issue("listed " + token, List.of()));
		var browser = new Browser().signIn("t2@northwind.test");
		var page = browser.get("/known-issues?q=" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html", "<header", "data-testid=\"known-issues\"", "listed " + token, "Known issues");
		var rows = browser.get("/known-issues?q=" + token, "HX-Request", "true");
		assertThat(rows.statusCode()).isEqualTo(200);
		assertThat(rows.body()).doesNotContain("<html").contains("listed " + token);
		assertThat(new Browser().signIn("dana@customer.test").get("/known-issues?q=" + token).body()).doesNotContain("listed " + token);
	}

	@Test
	void recordsAnIssueThroughTheFormAndShowsItsPage() throws Exception {
		var browser = new Browser().signIn("t2@northwind.test");
		String token = UUID.randomUUID().toString().substring(0, 8);
		String csrf = browser.csrf();
		var invalid = browser.post("/known-issues", "_csrf=" + enc(csrf) + "&client=acme&title=&signatures=" + enc("re:(broken")
				+ "&status=OPEN");
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("data-testid=\"problems\"", "title", "signatures[0].pattern", "<form");

		var created = browser.post("/known-issues", "_csrf=" + enc(csrf) + "&client=acme&title=" + enc("Form issue " + token)
				+ "&symptoms=slow&signatures=" + enc("Form-Error-" + token + "\nre:FE-\\d+-" + token) + "&workaround=wait&status=OPEN");
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/known-issues/\\d+");
		var page = browser.get(URI.create(location).getPath());
		assertThat(page.body()).contains("Form issue " + token, "Form-Error-" + token, "REGEX", "data-testid=\"edit\"")
			.doesNotContain("data-testid=\"bulk-reply\"");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(api("t2@northwind.test").get(ISSUES + "/" + id).json().get("signatures")).hasSize(2);

		var edit = browser.get("/known-issues/" + id + "/edit");
		assertThat(edit.body()).contains("re:FE-\\d+-" + token);
		var status = browser.post("/known-issues/" + id + "/status", "_csrf=" + enc(csrf) + "&status=FIXED&fixedInVersion=4.12.0");
		assertThat(status.statusCode()).isEqualTo(302);
		var fixed = browser.get("/known-issues/" + id);
		assertThat(fixed.body()).contains("data-testid=\"bulk-reply\"", "is fixed in version 4.12.0");
	}

	@Test
	void theTicketPageLoadsThePanelThatLinksASuggestionInOneClick() throws Exception {
		String token = UUID.randomUUID().toString().substring(0, 8);
		long issue = create(api("t2@northwind.test"), issue("Panel issue " + token, List.of(literal("Panel-Error-" + token))))
			.get("id").asLong();
		String ticket = openTicket(api("t1@northwind.test"), "acme", "panel " + token, "We see Panel-Error-" + token, "T1")
			.get("number").asString();
		var browser = new Browser().signIn("t1@northwind.test");
		assertThat(browser.get("/tickets/" + ticket).body()).contains("hx-get=\"/tickets/" + ticket + "/known-issues\"");

		var fragment = browser.get("/tickets/" + ticket + "/known-issues", "HX-Request", "true");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html").contains("data-testid=\"suggested-issue\"", "Panel issue " + token,
				"Panel-Error-" + token, "data-testid=\"link-suggestion\"");
		var whole = browser.get("/tickets/" + ticket + "/known-issues");
		assertThat(whole.body()).contains("<html", "Panel issue " + token);

		var linked = browser.post("/tickets/" + ticket + "/known-issues", "knownIssue=" + issue + "&_csrf=" + enc(browser.csrf()),
				"HX-Request", "true");
		assertThat(linked.statusCode()).isEqualTo(200);
		assertThat(linked.body()).doesNotContain("<html").contains("data-testid=\"linked-issue\"", "Linked.");
		assertThat(api("t1@northwind.test").get(ISSUES + "/" + issue).json().get("linkedCount").asInt()).isEqualTo(1);

		var unlinked = browser.post("/tickets/" + ticket + "/known-issues/" + issue + "/unlink", "_csrf=" + enc(browser.csrf()));
		assertThat(unlinked.statusCode()).isEqualTo(302);
		assertThat(api("t1@northwind.test").get(ISSUES + "/" + issue).json().get("linkedCount").asInt()).isZero();
	}

	@Test
	void thePanelSearchFindsAnyIssueOfTheClient() throws Exception {
		String token = UUID.randomUUID().toString().substring(0, 8);
		create(api("t2@northwind.test"), issue("Searchable " + token, List.of()));
		String ticket = openTicket(api("t1@northwind.test"), "acme", "search " + token, "nothing matching", "T1")
			.get("number").asString();
		var browser = new Browser().signIn("t1@northwind.test");
		var results = browser.get("/tickets/" + ticket + "/known-issues/search?q=" + token, "HX-Request", "true");
		assertThat(results.body()).doesNotContain("<html").contains("Searchable " + token, "Link");
		var page = browser.get("/tickets/" + ticket + "/known-issues/search?q=" + token);
		assertThat(page.body()).contains("<html", "Searchable " + token);
	}

	@Test
	void readOnlyStaffSeeThePanelWithoutLinkButtons() throws Exception {
		String token = UUID.randomUUID().toString().substring(0, 8);
		create(api("t2@northwind.test"), issue("Read only " + token, List.of(literal("RO-Error-" + token))));
		String ticket = openTicket(api("t1@northwind.test"), "acme", "read only " + token, "RO-Error-" + token, "T1")
			.get("number").asString();
		var panel = new Browser().signIn("shadow@northwind.test").get("/tickets/" + ticket + "/known-issues", "HX-Request", "true");
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains("Read only " + token).doesNotContain("data-testid=\"link-suggestion\"");
	}

	@Test
	void aFixedIssuesBulkReplyIsOneClickWithAPrefilledText() throws Exception {
		Api t2 = api("t2@northwind.test");
		Map<String, Object> fixed = new HashMap<>(issue("Bulk page " + UUID.randomUUID(), List.of()));
		long id = create(t2, fixed).get("id").asLong();
		String ticket = openTicket(api("t1@northwind.test"), "acme", "bulk page", "text", "T1").get("number").asString();
		t2.post(ISSUES + "/" + id + "/links", Map.of("ticket", ticket));
		t2.put(ISSUES + "/" + id, Map.of("title", "Bulk page", "status", "FIXED", "fixedInVersion", "4.13.0"));
		var browser = new Browser().signIn("t2@northwind.test");
		assertThat(browser.get("/known-issues/" + id).body()).contains("Good news", "version 4.13.0");
		var sent = browser.post("/known-issues/" + id + "/bulk-reply",
				"_csrf=" + enc(browser.csrf()) + "&body=" + enc("Fixed in version 4.13.0, please update."));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(browser.get("/known-issues/" + id).body()).contains("Replied to 1 tickets, 0 held for approval, 0 skipped.");
		assertThat(api("dana@customer.test").get("/api/v1/tickets/" + ticket + "/messages").json().findValuesAsString("body"))
			.contains("Fixed in version 4.13.0, please update.");
	}

	@Test
	void pagesThroughLinkedTicketsWholeOrAsRowsForHtmx() throws Exception {
		Api t2 = api("t2@northwind.test");
		long id = create(t2, issue("Paged " + UUID.randomUUID(), List.of())).get("id").asLong();
		String ticket = openTicket(api("t1@northwind.test"), "acme", "paged ticket", "text", "T1").get("number").asString();
		t2.post(ISSUES + "/" + id + "/links", Map.of("ticket", ticket));
		var browser = new Browser().signIn("t2@northwind.test");
		var rows = browser.get("/known-issues/" + id + "/tickets", "HX-Request", "true");
		assertThat(rows.body()).doesNotContain("<html").contains("data-testid=\"linked-tickets\"", ticket);
		assertThat(browser.get("/known-issues/" + id + "/tickets").body()).contains("<html", ticket, "Paged ");
	}

	@Test
	void onlyEditorsGetTheFormForANewIssue() throws Exception {
		assertThat(new Browser().signIn("t1@northwind.test").get("/known-issues/new").statusCode()).isEqualTo(403);
		assertThat(new Browser().signIn("t1@northwind.test").get("/known-issues").body()).doesNotContain("data-testid=\"new-known-issue\"");
		assertThat(new Browser().signIn("eng@acme.test").get("/known-issues/new").body()).contains("Acme Cloud")
			.doesNotContain("Globex Retail");
	}

	@Test
	void strangersGetNotFoundPages() throws Exception {
		long id = create(api("t2@northwind.test"), issue("Hidden page " + UUID.randomUUID(), List.of())).get("id").asLong();
		assertThat(new Browser().signIn("admin@globex.test").get("/known-issues/" + id).statusCode()).isEqualTo(404);
		assertThat(new Browser().signIn("dana@customer.test").get("/known-issues/" + id).statusCode()).isEqualTo(404);
	}
}
