package io.tierline.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import io.tierline.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages: create a mailbox by the form, read it now, see the quarantine and retry from it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailPagesIntegrationTests {

	@LocalServerPort
	int port;

	MailTestServer server;
	long mailbox;

	@BeforeAll
	void server() {
		server = new MailTestServer();
	}

	@AfterAll
	void stop() {
		if (mailbox > 0) {
			Api.at(port).as("admin@globex.test").patch("/api/v1/mailboxes/" + mailbox, Map.of("active", false));
		}
		server.close();
	}

	@Test
	void anAdminSetsUpAMailboxReadsItAndRetriesAHeldMessage() throws Exception {
		String address = "pages@globex.test";
		server.greenMail.setUser(address, address, MailTestServer.PASSWORD);
		var admin = WebSession.signedIn(port, "admin@globex.test");
		assertThat(admin.get("/admin/users").body()).contains("/admin/mail");
		assertThat(admin.get("/admin/mail").body()).contains("Support mailboxes", "New mailbox");

		var bad = admin.submit("/admin/mail", "/admin/mail", "client=globex&address=nope&imapHost=&imapPort=143&smtpHost=h&smtpPort=25&password=x");
		assertThat(bad.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/mail").body()).contains("address: must be an e-mail address", "imapHost");

		var created = admin.submit("/admin/mail", "/admin/mail", "client=globex&address=" + WebSession.enc(address)
				+ "&imapHost=127.0.0.1&imapPort=" + server.imapPort() + "&smtpHost=127.0.0.1&smtpPort=" + server.smtpPort()
				+ "&password=" + MailTestServer.PASSWORD + "&senderHourlyLimit=30&autoAcknowledge=true&active=true");
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		mailbox = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(admin.get("/admin/mail").body()).contains(address);

		server.deliver("someone@customer.test", address, ("From: someone@customer.test\r\nTo: " + address
				+ "\r\nSubject: From the pages test\r\nMessage-ID: <pages-1@customer.test>\r\n\r\nHello.\r\n").getBytes(StandardCharsets.UTF_8));
		server.deliver("someone@customer.test", address, ("To: " + address
				+ "\r\nSubject: Nobody sent this\r\nMessage-ID: <pages-2@customer.test>\r\n\r\nNo From.\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(admin.submit("/admin/mail/" + mailbox, "/admin/mail/" + mailbox + "/poll", "").statusCode()).isEqualTo(302);
		String page = admin.get("/admin/mail/" + mailbox).body();
		assertThat(page).contains("Read 2 new message(s): 1 new ticket(s)", "1 quarantined");
		assertThat(page).contains("no sender address", "Nobody sent this");
		assertThat(page).contains("data-testid=\"last-uid\">2<");

		long held = Api.at(port).as("admin@globex.test").get("/api/v1/mailboxes/" + mailbox + "/quarantine").json().get("items").get(0)
			.get("id").asLong();
		assertThat(admin.submit("/admin/mail/" + mailbox, "/admin/mail/quarantine/" + held + "/discard", "").statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/mail/" + mailbox + "?state=DISCARDED").body()).contains("Nobody sent this");
		assertThat(admin.get("/admin/mail/" + mailbox).body()).doesNotContain("Nobody sent this");

		// another client's admin is told the mailbox does not exist
		var acme = WebSession.signedIn(port, "admin@acme.test");
		assertThat(acme.get("/admin/mail/" + mailbox).statusCode()).isEqualTo(404);
		assertThat(acme.get("/admin/mail").body()).doesNotContain(address);
	}
}
