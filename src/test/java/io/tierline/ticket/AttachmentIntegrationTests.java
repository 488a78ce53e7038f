package io.tierline.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AttachmentIntegrationTests {

	@LocalServerPort
	int port;

	Api t1;
	long ticketId;

	@BeforeEach
	void openTicket() {
		t1 = Api.at(port).as("t1@northwind.test");
		ticketId = t1.post("/api/v1/tickets", Map.of("client", "acme", "subject", "files " + UUID.randomUUID(),
				"requester", Map.of("email", "dana@customer.test"))).json().get("id").asLong();
	}

	@Test
	void storesALogFileAndStreamsItBackUnchanged() {
		byte[] log = "2026-03-02 ERROR AUTH-401 token expired\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
		var uploaded = t1.upload("/api/v1/tickets/" + ticketId + "/attachments", "server.log", log);
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		assertThat(uploaded.json().get("contentType").asString()).isEqualTo("text/plain");
		assertThat(uploaded.json().get("sizeBytes").asLong()).isEqualTo(log.length);
		var download = t1.get(uploaded.json().get("url").asString());
		assertThat(download.status()).isEqualTo(200);
		assertThat(Arrays.equals(download.bytes(), log)).isTrue();
		assertThat(download.header("Content-Disposition")).contains("server.log");
	}

	@Test
	void detectsTheTypeFromTheContentNotTheName() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
		var uploaded = t1.upload("/api/v1/tickets/" + ticketId + "/attachments", "screenshot.txt", png);
		assertThat(uploaded.json().get("contentType").asString()).isEqualTo("image/png");
	}

	@Test
	void refusesAnExecutableWhateverItIsCalled() {
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };
		var response = t1.upload("/api/v1/tickets/" + ticketId + "/attachments", "invoice.pdf", exe);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
	}

	@Test
	void refusesUnknownBinaryContent() {
		byte[] binary = { 0, 1, 2, 3, (byte) 0xfe, (byte) 0xff, 0, 7 };
		assertThat(t1.upload("/api/v1/tickets/" + ticketId + "/attachments", "blob.bin", binary).status()).isEqualTo(422);
	}

	@Test
	void refusesAFileOverTheLimit() {
		byte[] big = new byte[26 * 1024 * 1024];
		Arrays.fill(big, (byte) 'a');
		var response = t1.upload("/api/v1/tickets/" + ticketId + "/attachments", "big.txt", big);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("exceeds");
	}

	@Test
	void anAttachmentOfAnotherClientsTicketIsNotFound() {
		var uploaded = t1.upload("/api/v1/tickets/" + ticketId + "/attachments", "a.txt", "hello".getBytes(StandardCharsets.UTF_8));
		var asGlobex = Api.at(port).as("admin@globex.test").get(uploaded.json().get("url").asString());
		assertThat(asGlobex.status()).isEqualTo(404);
	}

	@Test
	void listsAttachmentsWithTheirMessage() {
		long messageId = t1.post("/api/v1/tickets/" + ticketId + "/messages", Map.of("body", "see attached", "visibility", "PUBLIC"))
			.json().get("id").asLong();
		t1.upload("/api/v1/tickets/" + ticketId + "/attachments?messageId=" + messageId, "trace.txt", "trace".getBytes(StandardCharsets.UTF_8));
		var thread = Api.at(port).as("dana@customer.test").get("/api/v1/tickets/" + ticketId + "/messages").json();
		assertThat(thread.findValuesAsString("filename")).contains("trace.txt");
	}
}
