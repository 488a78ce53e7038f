package io.tierline.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §14 imports in the background: the job API, the upload page and its progress fragment. */
@IntegrationTest
class ImportJobIntegrationTests {

	@LocalServerPort
	int port;

	static final String BAD_LINE = "{\"externalId\":\"X-1\",\"client\":\"acme\"}";

	@Test
	void aJobImportsInTheBackgroundAndReportsItsCountsAndBadLines() {
		var admin = Api.at(port).as("admin@northwind.test");
		String lines = ExchangeIntegrationTests.fixture("2003") + BAD_LINE + "\n";
		var started = admin.postRaw("/api/v1/import/jobs?fileName=history.jsonl", "application/x-ndjson", lines);
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		long id = started.json().get("id").asLong();
		assertThat(started.header("Location")).isEqualTo("/api/v1/import/jobs/" + id);
		assertThat(started.json().get("totalBytes").asLong()).isEqualTo(lines.getBytes(StandardCharsets.UTF_8).length);

		JsonNode done = awaitDone(admin, id);
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("imported").asInt()).isEqualTo(4);
		assertThat(done.get("rejected").asInt()).isEqualTo(1);
		assertThat(done.get("readBytes").asLong()).isEqualTo(done.get("totalBytes").asLong());
		assertThat(done.get("percent").asInt()).isEqualTo(100);
		assertThat(done.get("errors").get(0).get("line").asInt()).isEqualTo(5);
		assertThat(done.get("errors").get(0).get("reason").asString()).isNotBlank();

		var again = admin.postRaw("/api/v1/import/jobs", "application/x-ndjson", lines);
		JsonNode second = awaitDone(admin, again.json().get("id").asLong());
		assertThat(second.get("imported").asInt()).isZero();
		assertThat(second.get("duplicates").asInt()).isEqualTo(4);
	}

	@Test
	void aJobIsSeenOnlyByWhoStartedItAndNeedsAnImporter() {
		var admin = Api.at(port).as("admin@northwind.test");
		long id = admin.postRaw("/api/v1/import/jobs", "application/x-ndjson", ExchangeIntegrationTests.fixture("2004"))
			.json().get("id").asLong();
		assertThat(Api.at(port).as("admin@globex.test").get("/api/v1/import/jobs/" + id).status()).isEqualTo(404);
		var agent = Api.at(port).as("t1@northwind.test").postRaw("/api/v1/import/jobs", "application/x-ndjson", "{}\n");
		assertThat(agent.status()).isEqualTo(403);
		var empty = admin.postRaw("/api/v1/import/jobs", "application/x-ndjson", "");
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
		awaitDone(admin, id);
	}

	@Test
	void theUploadPageStartsAJobWhoseProgressFragmentEndsWithTheReport() throws Exception {
		var session = WebSession.signedIn(port, "admin@northwind.test");
		var page = session.get("/admin/import");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"import-form\"");
		String[] csrf = WebSession.csrfHeader(page.body());
		byte[] file = (ExchangeIntegrationTests.fixture("2005") + BAD_LINE + "\n").getBytes(StandardCharsets.UTF_8);

		var refused = session.postRaw("/admin/import/upload", "application/x-ndjson", file, "X-File-Name", "h.jsonl");
		assertThat(refused.statusCode()).as("no CSRF token").isEqualTo(403);

		var upload = session.postRaw("/admin/import/upload", "application/x-ndjson", file, "X-File-Name", "C:\\exports\\h.jsonl",
				csrf[0], csrf[1]);
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
		String jobPage = upload.body();
		assertThat(jobPage).matches("/admin/import/\\d+");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String fragment;
		do {
			Thread.sleep(100);
			fragment = session.get(jobPage + "/progress").body();
		}
		while (!fragment.contains("data-status=\"DONE\"") && Instant.now().isBefore(deadline));
		assertThat(fragment).as(fragment).contains("data-status=\"DONE\"").doesNotContain("hx-trigger");
		assertThat(fragment).contains("data-testid=\"job-imported\">4<", "data-testid=\"job-rejected\">1<", "value=\"100\"");
		assertThat(fragment).contains("data-testid=\"job-errors\"");
		assertThat(session.get(jobPage).body()).contains("h.jsonl");
		assertThat(session.get("/admin/import").body()).contains(jobPage);
	}

	static JsonNode awaitDone(Api as, long id) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		JsonNode job;
		do {
			job = as.get("/api/v1/import/jobs/" + id).json();
			if (job.get("status").asString().equals("DONE") || job.get("status").asString().equals("FAILED")) {
				return job;
			}
			sleep();
		}
		while (Instant.now().isBefore(deadline));
		throw new AssertionError("import job " + id + " not done: " + job);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
