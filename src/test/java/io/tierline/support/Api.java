package io.tierline.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for integration tests: speaks to the running app as a given person. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;
	private final String authorization;

	private Api(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	public static Api at(int port) {
		return new Api("http://localhost:" + port, null);
	}

	/** HTTP Basic as a demo login (password {@code demo}). */
	public Api as(String email) {
		return as(email, "demo");
	}

	public Api as(String email, String password) {
		String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Api(base, "Basic " + basic);
	}

	public Api bearer(String token) {
		return new Api(base, "Bearer " + token);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response post(String path, Object body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json").POST(json(body)));
	}

	public Response patch(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").method("PATCH", json(body)));
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
	}

	public Response postRaw(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A multipart upload of one file in the part {@code file}. */
	public Response upload(String path, String filename, byte[] content) {
		String boundary = "tl" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpRequest.Builder request(String path, String... headers) {
		var builder = HttpRequest.newBuilder(URI.create(base + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher json(Object body) {
		return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes) {

		public String text() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(bytes);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + text();
		}
	}
}
