package io.tierline.channel.email;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled workers as they run in production: with a poll interval of ten minutes, mail is
 * still picked up within seconds because the worker holds an IMAP IDLE connection, and the
 * acknowledgement goes out by SMTP without anyone driving the sender.
 */
@IntegrationTest
@TestPropertySource(properties = { "tierline.mail.workers=true", "tierline.mail.poll-ms=600000", "tierline.mail.tick-ms=200",
		"tierline.mail.send-ms=200" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailWorkersIntegrationTests {

	static final String ADDRESS = "idle@acme.test";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailboxIdler idler;

	MailTestServer server;
	long mailbox;

	@BeforeAll
	void mailbox() {
		server = new MailTestServer();
		mailbox = server.mailbox(Api.at(port).as("admin@acme.test"), "acme", ADDRESS, Map.of());
	}

	@AfterAll
	void stop() {
		// other test classes share the database: a mailbox whose server is gone must not be polled by their workers
		Api.at(port).as("admin@acme.test").patch("/api/v1/mailboxes/" + mailbox, Map.of("active", false));
		server.close();
	}

	@Test
	void mailArrivingBetweenPollsIsTakenAtOnceThroughIdleAndAcknowledged() throws Exception {
		waitUntil(() -> idler.watching(mailbox), 10_000, "the worker to open an IDLE connection");
		String leasedBy = jdbc.sql("select leased_by from mailboxes where id = ?").param(mailbox).query(String.class).single();
		assertThat(leasedBy).isNotBlank();

		long sent = System.nanoTime();
		server.deliver("idle-sender@customer.test", ADDRESS, ("From: idle-sender@customer.test\r\nTo: " + ADDRESS
				+ "\r\nSubject: Arrives between polls\r\nMessage-ID: <idle-1@customer.test>\r\n\r\nPick me up now.\r\n")
			.getBytes(StandardCharsets.UTF_8));
		waitUntil(() -> !tickets().isEmpty(), 10_000, "the mail to become a ticket");
		long millis = (System.nanoTime() - sent) / 1_000_000;
		assertThat(millis).as("taken within seconds although the poll interval is ten minutes").isLessThan(10_000);

		waitUntil(() -> server.receivedBy("idle-sender@customer.test").length == 1, 10_000, "the acknowledgement to be sent");
		assertThat(jdbc.sql("select status from email_outbound where ticket_id = ?").param(tickets().get(0)).query(String.class).single())
			.isEqualTo("SENT");
	}

	private List<Long> tickets() {
		return jdbc.sql("select ticket_id from email_messages where mailbox_id = ? and message_id = '<idle-1@customer.test>'")
			.param(mailbox).query(Long.class).list();
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition, long millis, String what) throws InterruptedException {
		long until = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > until) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(50);
		}
	}
}
