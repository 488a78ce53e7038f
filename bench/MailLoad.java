import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fills a mailbox for bench/mail.sh (JDK only), as the mail server's delivery agent would:
 *   java bench/MailLoad.java maildir DIR TO COUNT SENDERS    (files in a Maildir's new/, for Dovecot)
 *   java bench/MailLoad.java HOST PORT TO COUNT SENDERS       (over SMTP)
 * One message in ten is HTML, one in twenty carries a small PDF attachment; every one has its own Message-ID.
 */
public class MailLoad {

	public static void main(String[] args) throws Exception {
		if (args[0].equals("maildir")) {
			maildir(java.nio.file.Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			return;
		}
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		String to = args[2];
		int count = Integer.parseInt(args[3]);
		int senders = Integer.parseInt(args[4]);
		long start = System.nanoTime();
		try (Socket socket = new Socket(host, port)) {
			socket.setTcpNoDelay(true); // else Nagle and delayed ACKs cost 40 ms a message
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			expect(in, "220");
			send(out, in, "EHLO bench.local", "250");
			for (int i = 1; i <= count; i++) {
				String from = "customer" + (i % senders) + "@bench-customer.test";
				send(out, in, "MAIL FROM:<" + from + ">", "250");
				send(out, in, "RCPT TO:<" + to + ">", "250");
				send(out, in, "DATA", "354");
				send(out, in, message(i, from, to) + ".", "250");
			}
			send(out, in, "QUIT", "221");
		}
		System.out.printf("delivered %,d messages by SMTP in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
	}

	static void maildir(java.nio.file.Path dir, String to, int count, int senders) throws Exception {
		long start = System.nanoTime();
		java.nio.file.Path fresh = dir.resolve("new");
		java.nio.file.Files.createDirectories(fresh);
		java.nio.file.Files.createDirectories(dir.resolve("cur"));
		java.nio.file.Files.createDirectories(dir.resolve("tmp"));
		for (int i = 1; i <= count; i++) {
			String from = "customer" + (i % senders) + "@bench-customer.test";
			java.nio.file.Files.writeString(fresh.resolve((1_800_000_000L + i) + ".M" + i + "P1.bench"), message(i, from, to),
					StandardCharsets.UTF_8);
		}
		System.out.printf("wrote %,d messages into %s in %.1f s%n", count, fresh, (System.nanoTime() - start) / 1e9);
	}

	static String message(int i, String from, String to) {
		String head = "From: Customer <" + from + ">\r\nTo: " + to + "\r\nSubject: Bench request " + i + " – printer on floor " + (i % 9)
				+ "\r\nMessage-ID: <bench-" + i + "@bench-customer.test>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n";
		String text = "Hello support,\r\n\r\nrequest number " + i + ": the printer on floor " + (i % 9)
				+ " shows error E-" + (1000 + i % 97) + " since this morning. Grüße, customer " + i + "\r\n";
		if (i % 20 == 0) {
			String pdf = Base64.getMimeEncoder().encodeToString(("%PDF-1.4\n% bench " + i + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
			return head + "Content-Type: multipart/mixed; boundary=\"b" + i + "\"\r\n\r\n--b" + i
					+ "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "--b" + i
					+ "\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\n"
					+ "Content-Transfer-Encoding: base64\r\n\r\n" + pdf + "\r\n--b" + i + "--\r\n";
		}
		if (i % 10 == 0) {
			return head + "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><body><p>"
					+ text.replace("\r\n", "<br>") + "</p></body></html>\r\n";
		}
		return head + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text;
	}

	static void send(OutputStream out, BufferedReader in, String line, String code) throws Exception {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
		expect(in, code);
	}

	static void expect(BufferedReader in, String code) throws Exception {
		String line;
		do {
			line = in.readLine();
			if (line == null || !line.startsWith(code)) {
				throw new IllegalStateException("SMTP: expected " + code + " but got " + line);
			}
		}
		while (line.length() > 3 && line.charAt(3) == '-');
	}
}
