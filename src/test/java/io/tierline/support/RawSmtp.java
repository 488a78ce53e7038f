package io.tierline.support;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Delivers a message's exact bytes over SMTP, as a mail server in front of the mailbox would —
 * a JavaMail transport would rewrite broken MIME before sending it. Lines are sent with CRLF
 * and dot-stuffed, as SMTP requires; everything else is left as it is.
 */
public final class RawSmtp {

	private RawSmtp() {
	}

	public static void send(String host, int port, String from, String to, byte[] message) throws IOException {
		try (Socket socket = new Socket(host, port)) {
			socket.setSoTimeout(10_000);
			socket.setTcpNoDelay(true);
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			expect(in, "220");
			command(out, in, "EHLO test.local", "250");
			command(out, in, "MAIL FROM:<" + from + ">", "250");
			command(out, in, "RCPT TO:<" + to + ">", "250");
			command(out, in, "DATA", "354");
			out.write(dotStuffed(message));
			out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			expect(in, "250");
			command(out, in, "QUIT", "221");
		}
	}

	private static byte[] dotStuffed(byte[] message) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 1024);
		boolean lineStart = true;
		for (int i = 0; i < message.length; i++) {
			byte b = message[i];
			if (b == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
				continue; // written with the \n
			}
			if (b == '\n') {
				out.write('\r');
				out.write('\n');
				lineStart = true;
				continue;
			}
			if (lineStart && b == '.') {
				out.write('.');
			}
			out.write(b);
			lineStart = false;
		}
		if (!lineStart) {
			out.write('\r');
			out.write('\n');
		}
		return out.toByteArray();
	}

	private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		expect(in, code);
	}

	private static void expect(BufferedReader in, String code) throws IOException {
		String line;
		do {
			line = in.readLine();
			if (line == null || !line.startsWith(code)) {
				throw new IOException("SMTP: expected " + code + " but got " + line);
			}
		}
		while (line.length() > 3 && line.charAt(3) == '-');
	}
}
