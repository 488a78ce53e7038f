package io.tierline;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiDocsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void publishesTheOpenApiDocumentOfThePublicContract() {
		var docs = Api.at(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/tickets", "/api/v1/tickets/{id}",
				"/api/v1/tickets/{id}/messages", "/api/v1/tickets/{id}/events", "/api/v1/audit/verify", "/api/v1/tokens");
	}

	@Test
	void servesSwaggerUi() {
		assertThat(Api.at(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}
}
