package io.tierline.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing lost or duplicated when Tierline dies between fetching a mail and committing its ticket,
 * or between the commit and flagging it on the server; the per-sender limit and the retry from
 * the quarantine; an agent's reply going out by SMTP and the answer to it threading back; and
 * which admins see which mailbox.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailDeliveryIntegrationTests {

	static final String ADDRESS = "help-delivery@acme.test";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailboxPoller poller;

	@Autowired
	MailIngest ingest;

	@Autowired
	OutboundMailSender sender;

	MailTestServer server;
	long mailbox;

	@BeforeAll
	void mailbox() {
		server = new MailTestServer();
		mailbox = server.mailbox(Api.at(port).as("admin@acme.test"), "acme", ADDRESS, Map.of("senderHourlyLimit", 3));
	}

	@AfterEach
	void noHooks() {
		ingest.beforeCommit(null);
		poller.afterCommit(null);
	}

	@AfterAll
	void stop() {
		// other test classes share the database: a mailbox whose server is gone must not be polled by their workers
		Api.at(port).as("admin@acme.test").patch("/api/v1/mailboxes/" + mailbox, Map.of("active", false));
		server.close();
	}

	@Test
	void aCrashBeforeTheCommitLeavesTheMailToBeReadAgainAndItBecomesOneTicket() throws Exception {
		server.deliver("ana@crash.test", ADDRESS, mail("ana@crash.test", "<crash-before@crash.test>", "Crash before commit", null));
		ingest.beforeCommit(r -> {
			throw new IllegalStateException("the node dies before the commit");
		});
		assertThatThrownBy(() -> poller.poll(mailbox)).hasMessageContaining("the node dies");
		assertThat(ticketsFor("<crash-before@crash.test>")).isEmpty();
		assertThat(seen("Crash before commit")).isFalse();

		ingest.beforeCommit(null);
		MailboxPoller.Pass again = poller.poll(mailbox);
		assertThat(again.newTickets()).isEqualTo(1);
		assertThat(ticketsFor("<crash-before@crash.test>")).hasSize(1);
		assertThat(seen("Crash before commit")).isTrue();
	}

	@Test
	void aCrashBetweenTheCommitAndTheServerFlagReReadsTheMailAndDedupesIt() throws Exception {
		server.deliver("bo@crash.test", ADDRESS, mail("bo@crash.test", "<crash-after@crash.test>", "Crash after commit", null));
		poller.afterCommit(uid -> {
			throw new IllegalStateException("the node dies after the commit, before flagging");
		});
		assertThatThrownBy(() -> poller.poll(mailbox)).hasMessageContaining("the node dies");
		assertThat(ticketsFor("<crash-after@crash.test>")).hasSize(1);
		assertThat(seen("Crash after commit")).isFalse();

		// the position moves only after the flag: the next poll reads the mail again and recognises it
		poller.afterCommit(null);
		MailboxPoller.Pass again = poller.poll(mailbox);
		assertThat(again.newTickets()).isZero();
		assertThat(again.duplicates()).isEqualTo(1);
		assertThat(seen("Crash after commit")).isTrue();

		// the worst case: the saved position is lost too (a restored backup, a new UIDVALIDITY), so everything is read again
		jdbc.sql("update mailboxes set last_uid = 0 where id = ?").param(mailbox).update();
		MailboxPoller.Pass all = poller.poll(mailbox);
		assertThat(all.newTickets()).isZero();
		assertThat(all.duplicates()).isEqualTo(all.read());
		assertThat(ticketsFor("<crash-after@crash.test>")).hasSize(1);
		assertThat(seen("Crash after commit")).isTrue();
	}

	@Test
	void aSenderOverTheHourlyLimitIsHeldAndAnAdminCanLetTheMailThrough() throws Exception {
		for (int i = 1; i <= 4; i++) {
			server.deliver("loop@flood.test", ADDRESS, mail("loop@flood.test", "<flood-" + i + "@flood.test>", "Flood " + i, null));
		}
		poller.poll(mailbox);
		// the four are stored in parallel: which one counts fourth is not fixed, but exactly one is held
		List<String> flood = List.of("<flood-1@flood.test>", "<flood-2@flood.test>", "<flood-3@flood.test>", "<flood-4@flood.test>");
		assertThat(flood.stream().filter(id -> ticketsFor(id).isEmpty())).hasSize(1);
		String heldId = flood.stream().filter(id -> ticketsFor(id).isEmpty()).findFirst().orElseThrow();
		var admin = Api.at(port).as("admin@acme.test");
		var held = admin.get("/api/v1/mailboxes/" + mailbox + "/quarantine?state=HELD").json().get("items");
		assertThat(held).hasSize(1);
		assertThat(held.get(0).get("reason").asString()).contains("more than 3 messages from loop@flood.test");
		assertThat(held.get(0).get("messageId").asString()).isEqualTo(heldId);
		long id = held.get(0).get("id").asLong();

		var retried = admin.post("/api/v1/mail-quarantine/" + id + "/retry", Map.of());
		assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
		assertThat(retried.json().get("outcome").asString()).isEqualTo("NEW_TICKET");
		assertThat(ticketsFor(heldId)).hasSize(1);
		assertThat(admin.post("/api/v1/mail-quarantine/" + id + "/retry", Map.of()).status()).isEqualTo(409);
		assertThat(admin.get("/api/v1/mail-quarantine/" + id).json().get("state").asString()).isEqualTo("RETRIED");
	}

	@Test
	void anAgentsReplyGoesOutBySmtpAndTheAnswerToItThreadsBack() throws Exception {
		server.deliver("cleo@reply.test", ADDRESS, mail("cleo@reply.test", "<reply-1@reply.test>", "VPN keeps dropping", null));
		poller.poll(mailbox);
		long ticket = ticketsFor("<reply-1@reply.test>").get(0);
		var t1 = Api.at(port).as("t1@northwind.test");
		String number = t1.get("/api/v1/tickets/" + ticket).json().get("number").asString();
		var posted = t1.post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "Please update the VPN client to 5.2.", "visibility",
				"PUBLIC"));
		assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
		t1.post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "internal: known issue KI-7", "visibility", "INTERNAL"));
		sendAll();

		List<MimeMessage> toCleo = List.of(server.receivedBy("cleo@reply.test"));
		assertThat(toCleo).hasSize(2); // the acknowledgement and the reply; never the internal note
		MimeMessage reply = toCleo.stream().filter(m -> body(m).contains("VPN client to 5.2")).findFirst().orElseThrow();
		assertThat(reply.getSubject()).isEqualTo("Re: [" + number + "] VPN keeps dropping");
		assertThat(reply.getHeader("In-Reply-To", null)).startsWith("<tierline." + ticket + ".");
		assertThat(reply.getHeader("References", null)).startsWith("<reply-1@reply.test>");
		assertThat(reply.getHeader("Auto-Submitted", null)).isNull();
		assertThat(toCleo).noneMatch(m -> body(m).contains("KI-7"));
		// a substantive reply stops first response (the acknowledgement did not)
		var clocks = t1.get("/api/v1/tickets/" + ticket + "/sla").json().get("clocks");
		clocks.forEach(c -> {
			if (c.get("clock").asString().equals("FIRST_RESPONSE")) {
				assertThat(c.get("state").asString()).isEqualTo("MET");
			}
		});

		// Cleo answers the reply; her mail client keeps only In-Reply-To
		server.deliver("cleo@reply.test", ADDRESS, mail("cleo@reply.test", "<reply-2@reply.test>", "Re: VPN keeps dropping",
				reply.getMessageID()));
		poller.poll(mailbox);
		assertThat(ticketsFor("<reply-2@reply.test>")).containsExactly(ticket);
	}

	@Test
	void onlyTheClientsAdminsAndTheProvidersAdminsSeeAMailbox() {
		assertThat(Api.at(port).as("admin@acme.test").get("/api/v1/mailboxes/" + mailbox).status()).isEqualTo(200);
		assertThat(Api.at(port).as("admin@northwind.test").get("/api/v1/mailboxes/" + mailbox).status()).isEqualTo(200);
		assertThat(Api.at(port).as("admin@globex.test").get("/api/v1/mailboxes/" + mailbox).status()).isEqualTo(404);
		assertThat(Api.at(port).as("t1@northwind.test").get("/api/v1/mailboxes/" + mailbox).status()).isEqualTo(404);
		assertThat(Api.at(port).as("admin@globex.test").get("/api/v1/mailboxes/" + mailbox + "/quarantine").status()).isEqualTo(404);
		assertThat(Api.at(port).as("admin@globex.test").get("/api/v1/mailboxes").json()).noneMatch(m -> m.get("id").asLong() == mailbox);
		// the password is write-only
		assertThat(Api.at(port).as("admin@acme.test").get("/api/v1/mailboxes/" + mailbox).text()).doesNotContain(MailTestServer.PASSWORD);
		// a globex admin cannot open a mailbox for acme
		var refused = Api.at(port).as("admin@globex.test").post("/api/v1/mailboxes", Map.of("client", "acme", "address", "x@acme.test",
				"imapHost", "h", "imapPort", 143, "smtpHost", "h", "smtpPort", 25, "password", "p"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("client");
	}

	@Test
	void badMailboxSettingsAreRefusedFieldByField() {
		var r = Api.at(port).as("admin@acme.test").post("/api/v1/mailboxes", Map.of("client", "acme", "address", "not-an-address",
				"imapPort", 70000, "smtpHost", "smtp.acme.test", "smtpPort", 25));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		List<String> fields = new java.util.ArrayList<>();
		r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("address", "imapHost", "imapPort", "password");
	}

	private void sendAll() throws InterruptedException {
		for (int i = 0; i < 20 && sender.sendDue() > 0; i++) {
			Thread.sleep(50);
		}
		Thread.sleep(300); // GreenMail hands the message to its store asynchronously
	}

	private List<Long> ticketsFor(String messageId) {
		return jdbc.sql("select ticket_id from email_messages where mailbox_id = ? and message_id = ? and direction = 'IN'")
			.params(mailbox, messageId).query(Long.class).list();
	}

	private boolean seen(String subject) throws Exception {
		Store store = Session.getInstance(new java.util.Properties()).getStore("imap");
		store.connect("127.0.0.1", server.imapPort(), ADDRESS, MailTestServer.PASSWORD);
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			for (var m : inbox.getMessages()) {
				if (subject.equals(m.getSubject())) {
					return m.isSet(Flags.Flag.SEEN);
				}
			}
			throw new AssertionError("no mail with subject " + subject);
		}
		finally {
			store.close();
		}
	}

	private static String body(MimeMessage m) {
		try {
			return String.valueOf(m.getContent());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] mail(String from, String messageId, String subject, String inReplyTo) {
		return ("From: " + from + "\r\nTo: " + ADDRESS + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId + "\r\n"
				+ (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\n") + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ "Text of " + subject + "\r\n").getBytes(StandardCharsets.UTF_8);
	}
}
