package io.tierline.notify;

import java.util.UUID;

import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tierline.support.WebSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The notification and webhook pages over real HTTP with a session. */
@IntegrationTest
class NotificationPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anAdminCreatesAWebhookSeesTheSecretOnceAndSendsAPing() throws Exception {
		var admin = WebSession.signedIn(port, "admin@globex.test");
		String url = "http://127.0.0.1:9/hook-" + UUID.randomUUID();
		var created = admin.submit("/admin/webhooks", "/admin/webhooks", "org=globex&url=" + enc(url)
				+ "&events=engineering.required&events=known_issue.fixed");
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		String page = location.substring(location.indexOf("/admin/webhooks/"));
		var first = admin.get(page);
		assertThat(first.body()).contains("data-testid=\"secret\"", "whsec_", url);
		assertThat(admin.get(page).body()).doesNotContain("whsec_");
		assertThat(admin.get("/admin/webhooks").body()).contains(url, "engineering.required, known_issue.fixed");

		String path = page;
		assertThat(admin.submit(path, path + "/test", "").statusCode()).isEqualTo(302);
		assertThat(admin.get(path).body()).contains("data-testid=\"delivery-row\"", "ping", "PENDING");
		// another client's admin does not see it
		assertThat(WebSession.signedIn(port, "admin@acme.test").get(path).statusCode()).isEqualTo(404);
	}

	@Test
	void theHeaderBadgeCountsUnreadNotifications() throws Exception {
		var engineer = WebSession.signedIn(port, "eng@acme.test");
		var badge = engineer.get("/notifications/badge", "HX-Request", "true");
		assertThat(badge.statusCode()).isEqualTo(200);
		assertThat(badge.body()).contains("data-testid=\"notifications-link\"");
		assertThat(engineer.get("/notifications").statusCode()).isEqualTo(200);
		assertThat(engineer.get("/tickets").body()).contains("/notifications/badge");
	}
}
