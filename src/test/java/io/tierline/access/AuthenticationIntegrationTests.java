package io.tierline.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuthenticationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void answersAnUnauthenticatedApiCallWithAProblem() {
		var response = Api.at(port).get("/api/v1/tickets");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).contains("Basic");
	}

	@Test
	void refusesAWrongPassword() {
		assertThat(Api.at(port).as("t1@northwind.test", "wrong").get("/api/v1/tickets").status()).isEqualTo(401);
	}

	@Test
	void storesPasswordsAsSlowHashes() {
		String hash = jdbc.sql("select password_hash from users where email = 't1@northwind.test'").query(String.class).single();
		assertThat(hash).startsWith("$2").doesNotContain("demo");
	}

	@Test
	void issuesATokenOnceAndStoresOnlyItsHash() {
		var issued = Api.at(port).as("t1@northwind.test").post("/api/v1/tokens", Map.of("name", "crm " + UUID.randomUUID()));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(token).startsWith("tl_").hasSizeGreaterThan(40);
		assertThat(jdbc.sql("select count(*) from api_tokens where token_hash = ?").param(token).query(Long.class).single()).isZero();
		assertThat(Api.at(port).bearer(token).get("/api/v1/tickets?limit=1").status()).isEqualTo(200);
		assertThat(Api.at(port).as("t1@northwind.test").get("/api/v1/tokens").text()).doesNotContain(token);
	}

	@Test
	void aRevokedTokenNoLongerWorks() {
		var issued = Api.at(port).as("t1@northwind.test").post("/api/v1/tokens", Map.of("name", "temp")).json();
		Api bearer = Api.at(port).bearer(issued.get("token").asString());
		assertThat(bearer.get("/api/v1/tickets?limit=1").status()).isEqualTo(200);
		assertThat(Api.at(port).as("t1@northwind.test").delete("/api/v1/tokens/" + issued.get("id").asLong()).status()).isEqualTo(204);
		assertThat(bearer.get("/api/v1/tickets?limit=1").status()).isEqualTo(401);
	}

	@Test
	void aReadOnlyTokenCannotWrite() {
		String token = Api.at(port).as("t1@northwind.test").post("/api/v1/tokens", Map.of("name", "ro", "scopes", List.of("read")))
			.json().get("token").asString();
		var write = Api.at(port).bearer(token).post("/api/v1/tickets", Map.of("client", "acme", "subject", "x"));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.json().get("detail").asString()).contains("write");
	}

	@Test
	void anUnknownTokenIsRefused() {
		assertThat(Api.at(port).bearer("tl_" + "x".repeat(43)).get("/api/v1/tickets").status()).isEqualTo(401);
	}

	@Test
	void refusesAnUnknownScope() {
		var response = Api.at(port).as("t1@northwind.test").post("/api/v1/tokens", Map.of("name", "x", "scopes", List.of("root")));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes");
	}
}
