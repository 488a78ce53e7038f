package io.tierline.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.tierline.exchange.ExchangeIntegrationTests.IMPORT;
import static io.tierline.exchange.ExchangeIntegrationTests.assertCounts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text as it goes in through the import's bulk path (COPY on PostgreSQL, multi-row inserts on
 * H2) comes out of the ticket API byte for byte.
 */
@IntegrationTest
class ImportTextIntegrationTests {

	/** Everything the COPY text format treats specially, a quoted line, and characters outside Latin-1 and the BMP. */
	static final String NASTY = "tab\there, two\t\ttabs\nnew line\r\nCRLF and a lone \r CR\n\\. (COPY's end marker)\n\\.\n"
			+ "back\\slash \\N \\t \\\\ end with a backslash and \"double\" 'single' `back` quotes; semi;colon|pipe,comma\n"
			+ "Ünïcödé ✓ 漢字 émoji 😀 \u2028line separator\u2029 zero\u200Bwidth \u00A0nbsp \uFEFF bom\\";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Api admin;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void setUp() {
		admin = Api.at(port).as("admin@northwind.test");
	}

	String line(String externalId, String subject, String body) {
		return "{\"externalId\":\"" + externalId + "\",\"client\":\"acme\",\"requester\":{\"email\":\"dana@customer.test\"},"
				+ "\"subject\":" + json.writeValueAsString(subject) + ",\"channel\":\"EMAIL\",\"severity\":\"P3\","
				+ "\"createdAt\":\"2019-05-01T10:00:00.123456Z\",\"events\":[{\"at\":\"2019-05-01T10:00:00.123456Z\","
				+ "\"type\":\"MESSAGE\",\"actor\":\"dana@customer.test\",\"visibility\":\"PUBLIC\",\"body\":"
				+ json.writeValueAsString(body) + "}]}";
	}

	String reference(String externalId) {
		return "ACME-" + jdbc.sql("select number from tickets where external_id = ?").param(externalId).query(Long.class).single();
	}

	@Test
	void aMessageBodyWithTabsNewlinesBackslashesQuotesAndUnicodeComesBackByteForByte() {
		String id = "TX" + UUID.randomUUID().toString().substring(0, 8);
		String subject = "Tab\tand \\ backslash \"quoted\" 😀";
		assertCounts(admin.postRaw(IMPORT, "application/x-ndjson", line(id, subject, NASTY) + "\n"), 1, 0, 0);

		JsonNode messages = admin.get("/api/v1/tickets/" + reference(id) + "/messages").json();
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).get("body").asString().getBytes(StandardCharsets.UTF_8))
			.isEqualTo(NASTY.getBytes(StandardCharsets.UTF_8));
		assertThat(messages.get(0).get("createdAt").asString()).isEqualTo("2019-05-01T10:00:00.123456Z");
		assertThat(admin.get("/api/v1/tickets/" + reference(id)).json().get("subject").asString()).isEqualTo(subject);
	}

	/**
	 * PostgreSQL cannot store U+0000 in text (by INSERT or by COPY): that ticket is rejected with its
	 * line number and the others of its batch are stored. H2 stores it like any character.
	 */
	@Test
	void aBodyWithANulCharacterIsRejectedOnPostgresqlAloneAndStoredElsewhere() throws Exception {
		String prefix = "NUL" + UUID.randomUUID().toString().substring(0, 8) + "-";
		String body = String.join("\n", List.of(line(prefix + 1, "Before", "fine"), line(prefix + 2, "Nul", "a\u0000b"),
				line(prefix + 3, "After", "fine too")));
		var response = admin.postRaw(IMPORT, "application/x-ndjson", body);

		if (postgres()) {
			assertCounts(response, 2, 0, 1);
			assertThat(ExchangeIntegrationTests.reason(response.json().get("errors"), 2)).startsWith("could not be stored");
			assertThat(jdbc.sql("select count(*) from tickets where external_id like ?").param(prefix + "%").query(Long.class)
				.single()).isEqualTo(2);
		}
		else {
			assertCounts(response, 3, 0, 0);
			JsonNode messages = admin.get("/api/v1/tickets/" + reference(prefix + 2) + "/messages").json();
			assertThat(messages.get(0).get("body").asString()).isEqualTo("a\u0000b");
		}
	}

	boolean postgres() throws Exception {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}
}
