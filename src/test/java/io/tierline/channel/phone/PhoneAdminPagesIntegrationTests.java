package io.tierline.channel.phone;

import java.util.Map;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page where a client's admin enables phone and SMS and generates the signing secret. */
@IntegrationTest
class PhoneAdminPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anAdminEnablesTheWebhooksAndSeesTheNewSecretOnce() throws Exception {
		var admin = WebSession.signedIn(port, "admin@globex.test");
		assertThat(admin.get("/admin/users").body()).contains("/admin/phone");
		assertThat(admin.get("/admin/phone").headers().firstValue("Location").orElseThrow()).endsWith("/admin/phone/globex");

		assertThat(admin.submit("/admin/phone/globex", "/admin/phone/globex", "callsEnabled=true").statusCode()).isEqualTo(302);
		assertThat(admin.submit("/admin/phone/globex", "/admin/phone/globex/secret", "").statusCode()).isEqualTo(302);

		String first = admin.get("/admin/phone/globex").body();
		assertThat(first).contains("data-testid=\"secret\"", "phsec_");
		String again = admin.get("/admin/phone/globex").body();
		assertThat(again).doesNotContain("phsec_").contains("data-testid=\"secret-hint\"");
		var settings = Api.at(port).as("admin@globex.test").get("/api/v1/admin/phone/globex").json();
		assertThat(settings.get("callsEnabled").asBoolean()).isTrue();
		assertThat(settings.get("smsEnabled").asBoolean()).isFalse();
		Api.at(port).as("admin@globex.test").put("/api/v1/admin/phone/globex", Map.of("smsEnabled", true));
	}

	@Test
	void anotherClientsAdminAndAnAgentAreToldThePageDoesNotExist() throws Exception {
		assertThat(WebSession.signedIn(port, "admin@acme.test").get("/admin/phone/globex").statusCode()).isEqualTo(404);
		assertThat(WebSession.signedIn(port, "t1@northwind.test").get("/admin/phone/acme").statusCode()).isEqualTo(404);
	}
}
