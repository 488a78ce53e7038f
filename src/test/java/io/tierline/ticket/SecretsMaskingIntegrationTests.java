package io.tierline.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.access.AccessManagement;
import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §6: secrets are masked on every way text comes in — the subject and description of a new
 * ticket, replies and notes, the automatic messages channels write, text attachments — and the
 * database never sees the original.
 */
@IntegrationTest
class SecretsMaskingIntegrationTests {

	static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
	static final String GITHUB_TOKEN = "ghp_1234567890abcdefghijklmnopqrstuvwxyz";
	static final String BEARER = "abc123def456ghi789jkl012";
	static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYW5hIn0.c2lnbmF0dXJlX2hlcmVfMTIz";
	static final List<String> SECRETS = List.of(AWS_KEY, "S3cr3t!", "hunter2", "4111 1111 1111 1111", GITHUB_TOKEN, BEARER,
			"Pg-Pa55word", JWT, "R3layPass");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketManagement tickets;

	@Autowired
	AccessManagement access;

	Api agent;
	Api requester;
	long ticketId;
	String number;

	@BeforeEach
	void openTicketWithSecretsInSubjectAndDescription() {
		agent = Api.at(port).as("t1@northwind.test");
		requester = Api.at(port).as("dana@customer.test");
		var created = agent.post("/api/v1/tickets", Map.of("client", "acme", "subject", "Login fails, key " + AWS_KEY + " " + UUID.randomUUID(),
				"description", "Steps: curl https://bob:S3cr3t!@api.acme.test/v1 with password=hunter2, card 4111 1111 1111 1111",
				"requester", Map.of("email", "dana@customer.test")));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		ticketId = created.json().get("id").asLong();
		number = created.json().get("number").asString();
	}

	@Test
	void theNewTicketShowsAndStoresOnlyTheMaskedSubjectAndDescription() {
		var ticket = agent.get("/api/v1/tickets/" + ticketId).json();
		assertThat(ticket.get("subject").asString()).startsWith("Login fails, key [masked: cloud access key] ");
		assertThat(ticket.get("maskedInSubject").toString()).isEqualTo("[\"CLOUD_ACCESS_KEY\"]");
		var description = agent.get("/api/v1/tickets/" + ticketId + "/messages").json().get(0);
		assertThat(description.get("body").asString()).isEqualTo("Steps: curl https://bob:[masked: password in URL]@api.acme.test/v1 "
				+ "with password=[masked: password], card [masked: card ending 1111]");
		assertThat(description.get("maskedSecrets").toString()).isEqualTo("[\"URL_PASSWORD\",\"PASSWORD\",\"CARD_NUMBER\"]");
		assertThat(jdbc.sql("select masked_kinds from tickets where id = ?").param(ticketId).query(String.class).single())
			.isEqualTo("CLOUD_ACCESS_KEY");
		assertNoSecretStored();
	}

	@Test
	void masksTheTextValuesOfCustomFields() {
		var created = agent.post("/api/v1/tickets", Map.of("client", "acme", "subject", "fields " + UUID.randomUUID(),
				"requester", Map.of("email", "dana@customer.test"),
				"customFields", Map.of("environment", "prod", "dsn", "mysql://root:hunter2@db:3306", "seats", 12)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("customFields").get("dsn").asString()).isEqualTo("mysql://root:[masked: password in URL]@db:3306");
		assertThat(created.json().get("customFields").get("environment").asString()).isEqualTo("prod");
		assertThat(created.json().get("customFields").get("seats").asInt()).isEqualTo(12);
		long id = created.json().get("id").asLong();
		assertThat(jdbc.sql("select custom_fields from tickets where id = ?").param(id).query(String.class).single()).doesNotContain("hunter2");
		assertThat(jdbc.sql("select data from ticket_events where ticket_id = ? and type = 'SECRETS_MASKED'").param(id).query(String.class).single())
			.contains("\"where\":\"customFields\"", "\"counts\":{\"URL_PASSWORD\":1}");
	}

	@Test
	void masksRepliesAndNotesFromEitherSide() {
		var note = agent.post("/api/v1/tickets/" + ticketId + "/messages",
				Map.of("body", "Their token " + GITHUB_TOKEN + " leaks", "visibility", "INTERNAL"));
		assertThat(note.status()).as(note.text()).isEqualTo(201);
		assertThat(note.json().get("body").asString()).isEqualTo("Their token [masked: API key] leaks");
		assertThat(note.json().get("maskedSecrets").get(0).asString()).isEqualTo("API_KEY");
		var reply = requester.post("/api/v1/tickets/" + ticketId + "/messages",
				Map.of("body", "I sent Authorization: Bearer " + BEARER, "visibility", "PUBLIC"));
		assertThat(reply.status()).as(reply.text()).isEqualTo(201);
		assertThat(reply.json().get("body").asString()).isEqualTo("I sent Authorization: Bearer [masked: bearer token]");
		assertNoSecretStored();
	}

	@Test
	void masksWhatAChannelPostsAutomatically() {
		long id = tickets.postAutomatically(ticketId, access.automationUser().id(), "Delivery failed via smtp://relay:R3layPass@mx.acme.test",
				Visibility.INTERNAL, null);
		assertThat(jdbc.sql("select body from messages where id = ?").param(id).query(String.class).single())
			.isEqualTo("Delivery failed via smtp://relay:[masked: password in URL]@mx.acme.test");
		assertNoSecretStored();
	}

	@Test
	void storesATextAttachmentMaskedAndABinaryOneAsItCame() throws Exception {
		String log = "2026-03-02 INFO start\nDATABASE_URL=postgres://app:Pg-Pa55word@db.internal:5432/prod\n"
				+ "Authorization: Bearer " + JWT + "\n2026-03-02 ERROR AUTH-401 token expired\n";
		var uploaded = agent.upload("/api/v1/tickets/" + ticketId + "/attachments", "app.log", log.getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		assertThat(uploaded.json().get("maskedSecrets").toString()).isEqualTo("[\"JWT\",\"URL_PASSWORD\"]");
		byte[] stored = agent.get(uploaded.json().get("url").asString()).bytes();
		assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("2026-03-02 INFO start\n"
				+ "DATABASE_URL=postgres://app:[masked: password in URL]@db.internal:5432/prod\n"
				+ "Authorization: Bearer [masked: JWT]\n2026-03-02 ERROR AUTH-401 token expired\n");
		assertThat(uploaded.json().get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
		assertThat(uploaded.json().get("sizeBytes").asLong()).isEqualTo(stored.length);

		byte[] png = pngWith("password=hunter2");
		var image = agent.upload("/api/v1/tickets/" + ticketId + "/attachments", "shot.png", png);
		assertThat(image.json().get("maskedSecrets").isEmpty()).isTrue();
		assertThat(agent.get(image.json().get("url").asString()).bytes()).isEqualTo(png);
		assertThat(jdbc.sql("select masked_kinds from attachments where ticket_id = ? order by id").param(ticketId).query(String.class).list())
			.containsExactly("JWT,URL_PASSWORD", null);
	}

	@Test
	void recordsWhatWasMaskedAndWhereWithoutTheValues() {
		long noteId = agent.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "key " + GITHUB_TOKEN, "visibility", "INTERNAL"))
			.json().get("id").asLong();
		long fileId = agent.upload("/api/v1/tickets/" + ticketId + "/attachments", "a.txt", ("pwd=" + "hunter2").getBytes(StandardCharsets.UTF_8))
			.json().get("id").asLong();
		var events = agent.get("/api/v1/tickets/" + ticketId + "/events").json();
		List<String> masked = events.valueStream().filter(e -> e.get("type").asString().equals("SECRETS_MASKED"))
			.map(e -> e.get("data").asString()).toList();
		assertThat(masked).hasSize(4);
		assertThat(masked.get(0)).contains("\"where\":\"subject\"", "\"kinds\":[\"CLOUD_ACCESS_KEY\"]", "\"counts\":{\"CLOUD_ACCESS_KEY\":1}");
		assertThat(masked.get(1)).contains("\"where\":\"message\"", "\"kinds\":[\"URL_PASSWORD\",\"PASSWORD\",\"CARD_NUMBER\"]");
		assertThat(masked.get(2)).contains("\"where\":\"message\"", "\"messageId\":" + noteId, "\"counts\":{\"API_KEY\":1}");
		assertThat(masked.get(3)).contains("\"where\":\"attachment\"", "\"attachmentId\":" + fileId, "\"counts\":{\"PASSWORD\":1}");
		assertNoSecretStored();
	}

	@Test
	void theTicketPageShowsWhatKindWasMasked() throws Exception {
		agent.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "key " + GITHUB_TOKEN, "visibility", "INTERNAL"));
		var page = WebSession.signedIn(port, "t1@northwind.test").get("/tickets/" + number);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"masked-badge\"", "secrets masked: cloud access key",
				"secrets masked: password in URL, password, card number", "secrets masked: API key", "[masked: card ending 1111]");
		SECRETS.forEach(secret -> assertThat(page.body()).doesNotContain(secret));
	}

	@Test
	void theRequesterSeesTheBadgeInThePortal() throws Exception {
		var page = WebSession.signedIn(port, "dana@customer.test").get("/portal/tickets/" + number);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("secrets masked: password in URL, password, card number");
	}

	private void assertNoSecretStored() {
		List<String> stored = jdbc.sql("""
				select subject as text from tickets where id = :id
				union all select body from messages where ticket_id = :id
				union all select data from ticket_events where ticket_id = :id and data is not null
				union all select after_state from audit_log where ticket_id = :id and after_state is not null""")
			.param("id", ticketId).query(String.class).list();
		assertThat(stored).isNotEmpty();
		SECRETS.forEach(secret -> assertThat(stored).noneMatch(text -> text.contains(secret)));
	}

	private static byte[] pngWith(String text) {
		byte[] head = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
		byte[] tail = text.getBytes(StandardCharsets.US_ASCII);
		byte[] png = new byte[head.length + tail.length];
		System.arraycopy(head, 0, png, 0, head.length);
		System.arraycopy(tail, 0, png, head.length, tail.length);
		return png;
	}
}
