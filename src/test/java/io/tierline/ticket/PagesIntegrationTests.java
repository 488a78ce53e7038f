package io.tierline.ticket;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages over real HTTP with a session: whole pages on first load, fragments for htmx. */
@IntegrationTest
class PagesIntegrationTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	final class Browser {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path, String... headers) throws Exception {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		Browser signIn(String email) throws Exception {
			String csrf = csrf(get("/login").body());
			var response = post("/login", "username=" + enc(email) + "&password=demo&_csrf=" + enc(csrf));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return this;
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

	@Test
	void sendsAnonymousVisitorsToSignIn() throws Exception {
		var response = new Browser().get("/tickets");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void rendersTheWholeQueueOnFirstLoad() throws Exception {
		var page = new Browser().signIn("t1@northwind.test").get("/tickets");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html", "<header", "data-testid=\"queue\"", "ACME-");
	}

	@Test
	void answersHtmxWithOnlyTheRows() throws Exception {
		var fragment = new Browser().signIn("t1@northwind.test").get("/tickets?client=globex&status=", "HX-Request", "true");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html", "<header").contains("data-testid=\"queue\"", "GLOBEX-").doesNotContain("ACME-");
	}

	@Test
	void showsTheTicketPageWithItsThread() throws Exception {
		var browser = new Browser().signIn("t1@northwind.test");
		var queue = browser.get("/tickets?client=acme&status=");
		Matcher m = Pattern.compile("/tickets/(ACME-\\d+)").matcher(queue.body());
		assertThat(m.find()).isTrue();
		var page = browser.get("/tickets/" + m.group(1));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(m.group(1), "data-testid=\"message\"", "data-testid=\"reply-send\"");
	}

	@Test
	void recordsOneAuditedViewPerTicketPageLoad() throws Exception {
		var browser = new Browser().signIn("t2@northwind.test");
		Matcher m = Pattern.compile("/tickets/(GLOBEX-(\\d+))").matcher(browser.get("/tickets?client=globex&status=").body());
		assertThat(m.find()).isTrue();
		long id = jdbc.sql("select t.id from tickets t join organizations o on o.id = t.client_id where o.slug = 'globex' and t.number = ?")
			.param(Long.parseLong(m.group(2))).query(Long.class).single();
		String count = "select count(*) from audit_log where ticket_id = ? and action = 'TICKET_VIEWED' and actor = 't2@northwind.test'";
		long before = jdbc.sql(count).param(id).query(Long.class).single();
		browser.get("/tickets/" + m.group(1));
		assertThat(jdbc.sql(count).param(id).query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void aShadowAgentSeesNoReplyForm() throws Exception {
		var browser = new Browser().signIn("shadow@northwind.test");
		Matcher m = Pattern.compile("/tickets/(ACME-\\d+)").matcher(browser.get("/tickets?status=").body());
		assertThat(m.find()).isTrue();
		var page = browser.get("/tickets/" + m.group(1));
		assertThat(page.body()).contains("read-only").doesNotContain("data-testid=\"reply-send\"");
	}

	@Test
	void answersATicketOutsideTheGrantsWithNotFound() throws Exception {
		var browser = new Browser().signIn("t2-acme@northwind.test");
		assertThat(browser.get("/tickets/GLOBEX-1001").statusCode()).isEqualTo(404);
	}

	@Test
	void aRequesterSubmitsAndFollowsARequestInThePortal() throws Exception {
		var browser = new Browser().signIn("dana@customer.test");
		var portal = browser.get("/portal");
		assertThat(portal.body()).contains("My requests", "data-testid=\"my-tickets\"");
		var submitted = browser.post("/portal/tickets", "client=acme&subject=" + enc("Portal request") + "&description=" + enc("Help please")
				+ "&category=billing&_csrf=" + enc(csrf(portal.body())));
		assertThat(submitted.statusCode()).isEqualTo(302);
		String location = submitted.headers().firstValue("Location").orElseThrow();
		var ticket = browser.get(URI.create(location).getPath());
		assertThat(ticket.body()).contains("Portal request", "Help please", "received");
	}

	@Test
	void theAuditPageVerifiesTheChainThroughHtmx() throws Exception {
		var browser = new Browser().signIn("admin@acme.test");
		assertThat(browser.get("/audit").body()).contains("Audit log", "Verify chain");
		var verify = browser.get("/audit/verify?org=acme", "HX-Request", "true");
		assertThat(verify.body()).contains("Chain intact").doesNotContain("<html");
	}

	@Test
	void theAuditPageAnswersHtmxPagingWithRowsOnly() throws Exception {
		var browser = new Browser().signIn("admin@acme.test");
		var whole = browser.get("/audit?org=acme");
		var rows = browser.get("/audit?org=acme", "HX-Request", "true");
		assertThat(whole.body()).contains("<html", "Verify chain");
		assertThat(rows.body()).contains("<table").doesNotContain("<html", "Verify chain");
	}

	@Test
	void adminPagesAreForAdminsOnly() throws Exception {
		assertThat(new Browser().signIn("admin@acme.test").get("/admin/users").body()).contains("dana@customer.test");
		assertThat(new Browser().signIn("t1@northwind.test").get("/admin/users").statusCode()).isEqualTo(403);
	}
}
