package io.tierline.access;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.TierlineApplication;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §13: stateless nodes — a session opened on one node is honoured by another on the same database. */
@IntegrationTest
class SharedSessionIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	HttpResponse<String> get(int node, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aSessionOpenedOnOneNodeWorksOnAnother() throws Exception {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(port, "/login").body());
		assertThat(csrf.find()).isTrue();
		var signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=t1%40northwind.test&password=demo&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);

		try (var secondNode = new SpringApplicationBuilder(TierlineApplication.class).run("--server.port=0")) {
			int other = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
			var queue = get(other, "/tickets");
			assertThat(queue.statusCode()).isEqualTo(200);
			assertThat(queue.body()).contains("Tara Tier1", "data-testid=\"queue\"");
		}
	}
}
