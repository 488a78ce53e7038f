package io.tierline.channel.chat;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's admin turns live chat on, lists the sites that may embed it and copies the snippet. */
@IntegrationTest
class ChatAdminPageIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aClientAdminSetsUpChatOnTheirOwnClientOnly() throws Exception {
		var admin = WebSession.signedIn(port, "admin@globex.test");
		assertThat(admin.get("/admin/users").body()).contains("/admin/chat");
		assertThat(admin.get("/admin/chat").headers().firstValue("Location").orElseThrow()).endsWith("/admin/chat/globex");
		String page = admin.get("/admin/chat/globex").body();
		assertThat(page).contains("data-client=&quot;globex&quot;", "/chat/widget.js");

		var saved = admin.submit("/admin/chat/globex", "/admin/chat/globex",
				"enabled=true&origins=" + WebSession.enc("https://shop.globex.example\nhttp://localhost:3000"));
		assertThat(saved.statusCode()).isEqualTo(302);
		var settings = Api.at(port).as("admin@globex.test").get("/api/v1/clients/globex/chat-settings").json();
		assertThat(settings.get("enabled").asBoolean()).isTrue();
		assertThat(settings.get("allowedOrigins").toString()).contains("https://shop.globex.example", "http://localhost:3000");

		admin.submit("/admin/chat/globex", "/admin/chat/globex", "enabled=true&origins=" + WebSession.enc("not a url"));
		assertThat(admin.get("/admin/chat/globex").body()).contains("allowedOrigins");
		assertThat(Api.at(port).as("admin@globex.test").get("/api/v1/clients/globex/chat-settings").json().get("allowedOrigins").size())
			.as("a bad origin changes nothing").isEqualTo(2);

		assertThat(admin.get("/admin/chat/acme").statusCode()).isEqualTo(404);
		assertThat(WebSession.signedIn(port, "t1@northwind.test").get("/admin/chat/acme").statusCode()).isIn(403, 404);
	}
}
