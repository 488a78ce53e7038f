package io.tierline.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in browser session over real HTTP, without a browser: cookies, CSRF, form posts. */
public final class WebSession {

	private final int port;
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	public WebSession(int port) {
		this.port = port;
	}

	public static WebSession signedIn(int port, String email) throws Exception {
		var session = new WebSession(port);
		String csrf = csrf(session.get("/login").body());
		var response = session.post("/login", "username=" + enc(email) + "&password=demo&_csrf=" + enc(csrf));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return session;
	}

	public HttpResponse<String> get(String path, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A download (a PDF, a CSV) with the session. */
	public HttpResponse<byte[]> getBytes(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	public HttpResponse<String> post(String path, String form, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A raw body (a file) with the session, as a page's script sends it. */
	public HttpResponse<String> postRaw(String path, String contentType, byte[] body, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", contentType);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The CSRF header a page gives htmx and its scripts ({@code hx-headers} on the body): name and token. */
	public static String[] csrfHeader(String html) {
		Matcher m = Pattern.compile("hx-headers=\"\\{&quot;([^&]+)&quot;: &quot;([^&]+)&quot;\\}\"").matcher(html);
		assertThat(m.find()).as("hx-headers with the csrf token in page").isTrue();
		return new String[] { m.group(1), m.group(2) };
	}

	/** Posts a form the way the page at {@code pagePath} would, with its CSRF token. */
	public HttpResponse<String> submit(String pagePath, String action, String form) throws Exception {
		String csrf = csrf(get(pagePath).body());
		return post(action, form + "&_csrf=" + enc(csrf));
	}

	public static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("csrf field in page").isTrue();
		return m.group(1);
	}

	public static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
