package io.tierline.channel.email;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.tierline.support.Api;
import io.tierline.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The awkward-mail corpus ({@code src/test/resources/mail/corpus}, 41 messages) delivered by SMTP
 * to a real IMAP mailbox (GreenMail), read by Tierline through {@code POST /api/v1/mailboxes/{id}/poll},
 * and each message checked for what it became: a ticket with readable text, a reply, a bounce note,
 * a duplicate or a quarantined message with its reason.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailCorpusIntegrationTests {

	static final String ADDRESS = "support-corpus@acme.test";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	MailTestServer server;
	long mailbox;
	JsonNode firstPass;
	JsonNode secondPass;
	long ticketOf01;

	@BeforeAll
	void deliverTheCorpus() throws Exception {
		server = new MailTestServer();
		mailbox = server.mailbox(Api.at(port).as("admin@acme.test"), "acme", ADDRESS, Map.of("senderHourlyLimit", 100));
		for (Path file : corpus().filter(f -> f.getFileName().toString().compareTo("40") < 0).toList()) {
			byte[] raw = Files.readAllBytes(file);
			if (file.getFileName().toString().startsWith("33-")) {
				server.append(ADDRESS, raw);
			}
			else {
				server.deliver("sender@customer.test", ADDRESS, raw);
			}
		}
		firstPass = poll();
		ticketOf01 = ticketOf("<corpus-01@customer.test>").orElseThrow();
		String ack = jdbc.sql("select message_id from email_messages where ticket_id = ? and direction = 'OUT' order by id limit 1")
			.param(ticketOf01).query(String.class).single();
		String number = ticket(ticketOf01).get("number").asString();
		for (Path file : corpus().filter(f -> f.getFileName().toString().compareTo("40") >= 0).toList()) {
			String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("${ACK}", ack).replace("${NUMBER}", number);
			server.deliver("sender@customer.test", ADDRESS, text.getBytes(StandardCharsets.ISO_8859_1));
		}
		secondPass = poll();
	}

	@AfterAll
	void stop() {
		// other test classes share the database: a mailbox whose server is gone must not be polled by their workers
		Api.at(port).as("admin@acme.test").patch("/api/v1/mailboxes/" + mailbox, Map.of("active", false));
		server.close();
	}

	@Test
	void everyMessageIsReadOnceAndAccountedFor() throws Exception {
		long delivered = corpus().count();
		assertThat(delivered).isGreaterThanOrEqualTo(30);
		assertThat(firstPass.get("read").asInt() + secondPass.get("read").asInt()).isEqualTo(delivered);
		long recorded = jdbc.sql("select count(*) from email_messages where mailbox_id = ? and direction = 'IN'").param(mailbox)
			.query(Long.class).single();
		long held = jdbc.sql("select count(*) from email_quarantine where mailbox_id = ?").param(mailbox).query(Long.class).single();
		long duplicates = firstPass.get("duplicates").asInt() + secondPass.get("duplicates").asInt();
		assertThat(recorded + held + duplicates).isEqualTo(delivered);
		assertThat(duplicates).isEqualTo(1);
		assertThat(jdbc.sql("select last_uid from mailboxes where id = ?").param(mailbox).query(Long.class).single()).isEqualTo(delivered);
	}

	@Test
	void charsetsAndEncodingsBecomeReadableText() {
		assertThat(description("02")).contains("Viele Grüße aus München");
		assertThat(description("03")).contains("日本語のテキストです");
		assertThat(ticket("04").get("subject").asString()).isEqualTo("Störung im Büro und ärgerlich");
		assertThat(description("05")).contains("Un café crème, s'il vous plaît — the VPN");
		assertThat(description("06")).contains("\u201cpaid\u201d but shows \u20ac 120");
		assertThat(ticket("07").get("subject").asString()).isEqualTo("Привет");
		assertThat(description("07")).contains("Принтер не работает");
		assertThat(ticket("08").get("subject").asString()).isEqualTo("お問い合わせ");
		assertThat(description("08")).contains("ログインできません");
		assertThat(description("09")).contains("Zürich office: résumé upload fails");
		assertThat(description("25")).contains("Broken base64");
		assertThat(description("33")).contains("Line two with bare LF endings");
	}

	@Test
	void htmlIsSanitisedAndKeptReadable() {
		String text = description("10");
		assertThat(text).contains("Hello support").contains("shows error 503").contains("step one").contains("step two");
		assertThat(text).doesNotContain("alert").doesNotContain("<script").doesNotContain("javascript:").doesNotContain("color:red");
		assertThat(description("11")).contains("Plain words: the sync fails at 42%").doesNotContain("HTML words");
		assertThat(description("30")).contains("Nested plain text wins").doesNotContain("Nested html");
	}

	@Test
	void attachmentsInlineImagesInvitesAndSignaturesAreKeptAsFiles() {
		assertThat(files("12")).containsExactly("screenshot.png");
		assertThat(files("13")).containsExactlyInAnyOrder("report.pdf", "users.csv");
		assertThat(files("19")).containsExactly("outage.eml");
		assertThat(description("19")).contains("Forwarded message").contains("the database was down at 02:00");
		assertThat(files("20")).containsExactly("invite.ics");
		assertThat(description("20")).contains("maintenance window on Saturday");
		assertThat(files("21")).containsExactly("smime.p7s");
		assertThat(description("21")).contains("reset the MFA token of user 4711");
		assertThat(files("31")).containsExactly("Résumé.pdf");
		assertThat(files("30")).containsExactly("notes.txt");
	}

	@Test
	void anExecutableIsRefusedWithANoteWhileTheTicketIsKept() {
		assertThat(files("32")).isEmpty();
		assertThat(description("32")).contains("Run the attached tool");
		assertThat(internalNotes(ticketOf("<corpus-32@customer.test>").orElseThrow())).anyMatch(n -> n.contains("tool.exe"));
	}

	@Test
	void missingOrBrokenHeadersStillMakeTickets() {
		assertThat(ticket("14").get("subject").asString()).isEqualTo("(no subject)");
		assertThat(ticket("15").get("subject").asString()).isEqualTo("(no subject)");
		long noId = jdbc.sql("select id from tickets where subject = 'No Message-ID header'").query(Long.class).single();
		assertThat(jdbc.sql("select message_id from email_messages where ticket_id = ? and direction = 'IN'").param(noId).query(String.class).single())
			.endsWith("@no-message-id.tierline>");
		assertThat(description("17")).contains("300 Received lines");
		assertThat(ticket("18").get("subject").asString()).hasSizeLessThanOrEqualTo(300).startsWith("Very long subject xxx");
		assertThat(description("23")).contains("The closing boundary never comes");
		assertThat(description("24")).contains("without a boundary");
	}

	@Test
	void unreadableOrUnanswerableMailIsQuarantinedWithItsReasonAndRawSource() {
		assertThat(quarantineReason("<corpus-22@customer.test>")).contains("encrypted");
		assertThat(quarantineReason("<corpus-26@customer.test>")).contains("no sender address");
		assertThat(quarantineReason("<corpus-27@customer.test>")).contains("no sender address");
		assertThat(quarantineReason("<corpus-35@customer.test>")).contains("mail loop");
		assertThat(quarantineReason("<corpus-43@customer.test>")).contains("did not send");
		var list = Api.at(port).as("admin@acme.test").get("/api/v1/mailboxes/" + mailbox + "/quarantine").json();
		assertThat(list.get("items").size()).isEqualTo(5);
		long id = list.get("items").get(0).get("id").asLong();
		var raw = Api.at(port).as("admin@acme.test").get("/api/v1/mail-quarantine/" + id + "/raw");
		assertThat(raw.status()).isEqualTo(200);
		assertThat(raw.header("Content-Type")).startsWith("message/rfc822");
		assertThat(raw.text()).contains("Message-ID: <corpus-");
	}

	@Test
	void machinesAndListsGetNoAcknowledgementButPeopleDo() {
		assertThat(outgoing(ticketOf("<corpus-28@customer.test>").orElseThrow())).isEmpty();
		assertThat(outgoing(ticketOf("<corpus-29@customer.test>").orElseThrow())).isEmpty();
		assertThat(outgoing(ticketOf01)).hasSize(1);
	}

	@Test
	void repliesThreadByHeadersOrSubjectAndABounceBecomesANote() {
		assertThat(ticketOf("<corpus-40@customer.test>")).contains(ticketOf01);
		assertThat(ticketOf("<corpus-41@customer.test>")).contains(ticketOf01);
		assertThat(ticketOf("<corpus-42@customer.test>")).contains(ticketOf01);
		assertThat(ticketOf("<corpus-44@customer.test>")).contains(ticketOf01);
		var messages = Api.at(port).as("t1@northwind.test").get("/api/v1/tickets/" + ticketOf01 + "/messages").json();
		List<String> bodies = new java.util.ArrayList<>();
		messages.forEach(m -> bodies.add(m.get("visibility").asString() + ": " + m.get("body").asString()));
		assertThat(bodies).anyMatch(b -> b.startsWith("PUBLIC: It still jams, now also on floor 4"));
		assertThat(bodies).anyMatch(b -> b.startsWith("PUBLIC: Answering with a client that drops References"));
		assertThat(bodies).anyMatch(b -> b.startsWith("INTERNAL: Delivery failed") && b.contains("5.1.1"));
		assertThat(bodies).anyMatch(b -> b.startsWith("INTERNAL: E-mail from bob@customer.test (not the requester)"));
		// a number of another client in the subject never joins that client's ticket
		long other = ticketOf("<corpus-34@customer.test>").orElseThrow();
		assertThat(ticket(other).get("client").asString()).isEqualTo("acme");
		assertThat(ticket(other).get("channel").asString()).isEqualTo("EMAIL");
	}

	@Test
	void theAcknowledgementGoesOutBySmtpWithThreadingHeadersAndTheNumber() throws Exception {
		// the sender runs on a schedule in production; here once by hand
		MimeMessage ack = null;
		for (int i = 0; i < 50 && ack == null; i++) {
			sender.sendDue();
			Thread.sleep(100);
			ack = java.util.Arrays.stream(server.receivedBy("dana.mail@customer.test"))
				.filter(m -> "<corpus-01@customer.test>".equals(header(m, "In-Reply-To"))).findFirst().orElse(null);
		}
		assertThat(ack).as("the acknowledgement of message 01").isNotNull();
		String number = ticket(ticketOf01).get("number").asString();
		assertThat(ack.getSubject()).isEqualTo("Re: [" + number + "] Printer on floor 3 jams");
		assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<corpus-01@customer.test>");
		assertThat(ack.getHeader("References", null)).contains("<corpus-01@customer.test>");
		assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
		assertThat(ack.getMessageID()).startsWith("<tierline." + ticketOf01 + ".").endsWith("@acme.test>");
		assertThat(ack.getFrom()[0].toString()).isEqualTo(ADDRESS);
		assertThat((String) ack.getContent()).contains(number);
		// an acknowledgement never stops the first-response clock
		var sla = Api.at(port).as("t1@northwind.test").get("/api/v1/tickets/" + ticketOf01 + "/sla").json();
		sla.get("clocks").forEach(c -> {
			if (c.get("clock").asString().equals("FIRST_RESPONSE")) {
				assertThat(c.get("state").asString()).isNotEqualTo("MET");
			}
		});
	}

	@Autowired
	OutboundMailSender sender;

	private static String header(MimeMessage m, String name) {
		try {
			return m.getHeader(name, null);
		}
		catch (jakarta.mail.MessagingException e) {
			return null;
		}
	}

	private JsonNode poll() {
		var pass = Api.at(port).as("admin@acme.test").post("/api/v1/mailboxes/" + mailbox + "/poll", Map.of());
		assertThat(pass.status()).as(pass.toString()).isEqualTo(200);
		return pass.json();
	}

	private Optional<Long> ticketOf(String messageId) {
		return jdbc.sql("select ticket_id from email_messages where mailbox_id = ? and message_id = ? and direction = 'IN'")
			.params(mailbox, messageId).query(Long.class).optional();
	}

	private JsonNode ticket(String n) {
		return ticket(ticketOf("<corpus-" + n + "@customer.test>").orElseThrow(() -> new AssertionError("no ticket for " + n)));
	}

	private JsonNode ticket(long id) {
		var r = Api.at(port).as("t1@northwind.test").get("/api/v1/tickets/" + id);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	private String description(String n) {
		long id = ticketOf("<corpus-" + n + "@customer.test>").orElseThrow(() -> new AssertionError("no ticket for " + n));
		return jdbc.sql("select body from messages where ticket_id = ? order by id limit 1").param(id).query(String.class).single();
	}

	private List<String> files(String n) {
		long id = ticketOf("<corpus-" + n + "@customer.test>").orElseThrow(() -> new AssertionError("no ticket for " + n));
		return jdbc.sql("select filename from attachments where ticket_id = ? order by id").param(id).query(String.class).list();
	}

	private List<String> internalNotes(long ticketId) {
		return jdbc.sql("select body from messages where ticket_id = ? and visibility = 'INTERNAL' order by id").param(ticketId)
			.query(String.class).list();
	}

	private List<String> outgoing(long ticketId) {
		return jdbc.sql("select message_id from email_outbound where ticket_id = ?").param(ticketId).query(String.class).list();
	}

	private String quarantineReason(String messageId) {
		return jdbc.sql("select reason from email_quarantine where mailbox_id = ? and message_id = ?").params(mailbox, messageId)
			.query(String.class).single();
	}

	private static Stream<Path> corpus() throws IOException {
		try {
			Path dir = Path.of(EmailCorpusIntegrationTests.class.getResource("/mail/corpus").toURI());
			return Files.list(dir).filter(f -> f.toString().endsWith(".eml")).sorted();
		}
		catch (URISyntaxException e) {
			throw new IOException(e);
		}
	}
}
