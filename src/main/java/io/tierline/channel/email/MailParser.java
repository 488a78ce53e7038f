package io.tierline.channel.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.common.Sha256;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Turns the raw source of a mail into an {@link InboundMail}, forgiving what real mail gets wrong
 * (unknown charsets, missing end boundaries, bad base64, encoded words inside words) and refusing
 * only what cannot be read at all, with the reason ({@link UnreadableMail}).
 */
final class MailParser {

	/** Lenient MIME: these are the defaults real mail clients behave like. */
	static final Session SESSION = Session.getInstance(lenient());

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
	private static final int MAX_TEXT = 100_000;

	static final class UnreadableMail extends Exception {

		UnreadableMail(String reason, Throwable cause) {
			super(reason, cause);
		}
	}

	private MailParser() {
	}

	private static Properties lenient() {
		Properties p = new Properties();
		p.setProperty("mail.mime.decodetext.strict", "false");
		p.setProperty("mail.mime.address.strict", "false");
		p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
		p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
		p.setProperty("mail.mime.multipart.allowempty", "true");
		p.setProperty("mail.mime.base64.ignoreerrors", "true");
		p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
		p.setProperty("mail.mime.parameters.strict", "false");
		p.setProperty("mail.mime.allowutf8", "true");
		return p;
	}

	static InboundMail parse(byte[] raw) throws UnreadableMail {
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			InternetAddress from = sender(message);
			if (from == null || from.getAddress() == null || !from.getAddress().contains("@")) {
				throw new UnreadableMail("no sender address (From) that a reply could go to", null);
			}
			Body body = new Body();
			walk(message, body, 0);
			if (body.encrypted) {
				throw new UnreadableMail("encrypted (S/MIME or PGP): its text cannot be read without the recipient's key", null);
			}
			String messageId = firstId(message.getHeader("Message-ID", null));
			boolean synthesized = messageId == null;
			if (synthesized) {
				// no Message-ID: the content itself identifies it, so a re-read still de-duplicates
				messageId = "<" + Sha256.hex(new String(raw, StandardCharsets.ISO_8859_1)) + "@no-message-id.tierline>";
			}
			String text = body.text == null ? "" : body.text.strip();
			if (text.length() > MAX_TEXT) {
				text = text.substring(0, MAX_TEXT) + "\n\n[truncated: the whole message is attached as message.eml]";
				body.parts.add(new InboundMail.Part("message.eml", "message/rfc822", raw, false));
			}
			return new InboundMail(messageId, synthesized, firstId(message.getHeader("In-Reply-To", null)),
					allIds(message.getHeader("References", " ")), from.getAddress().strip().toLowerCase(Locale.ROOT), from.getPersonal(),
					subject(message), text, body.parts, autoSubmitted(message), bulk(message), body.deliveryReport,
					body.reportedMessageId, body.deliveryStatus);
		}
		catch (MessagingException | IOException | RuntimeException e) {
			throw new UnreadableMail("the MIME structure cannot be read: " + e.getMessage(), e);
		}
	}

	/** What can be told about a mail that cannot be parsed: its Message-ID, sender and subject, each null when unreadable too. */
	record Envelope(String messageId, String sender, String subject) {
	}

	static Envelope envelope(byte[] raw) {
		try {
			var headers = new jakarta.mail.internet.InternetHeaders(new ByteArrayInputStream(raw), true);
			String subject = headers.getHeader("Subject", null);
			try {
				subject = subject == null ? null : MimeUtility.decodeText(MimeUtility.unfold(subject));
			}
			catch (UnsupportedEncodingException e) {
				// keep it encoded
			}
			return new Envelope(firstId(headers.getHeader("Message-ID", null)), headers.getHeader("From", null), subject);
		}
		catch (MessagingException | RuntimeException e) {
			return new Envelope(null, null, null);
		}
	}

	private static InternetAddress sender(MimeMessage message) throws MessagingException {
		String[] from = message.getHeader("From");
		if (from == null || from.length == 0) {
			return null;
		}
		try {
			InternetAddress[] parsed = InternetAddress.parseHeader(from[0], false);
			return parsed.length == 0 ? null : parsed[0];
		}
		catch (MessagingException e) {
			Matcher m = Pattern.compile("[^<>\\s\"]+@[^<>\\s\"]+").matcher(from[0]);
			return m.find() ? new InternetAddress(m.group(), false) : null;
		}
	}

	private static String subject(MimeMessage message) throws MessagingException {
		String subject = message.getSubject();
		if (subject == null) {
			return null;
		}
		String clean = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
		return clean.isEmpty() ? null : clean.length() > 300 ? clean.substring(0, 297) + "…" : clean;
	}

	private static boolean autoSubmitted(MimeMessage message) throws MessagingException {
		String value = message.getHeader("Auto-Submitted", null);
		return (value != null && !value.strip().toLowerCase(Locale.ROOT).startsWith("no"))
				|| message.getHeader("X-Autoreply", null) != null || message.getHeader("X-Autorespond", null) != null;
	}

	private static boolean bulk(MimeMessage message) throws MessagingException {
		String precedence = message.getHeader("Precedence", null);
		return (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|list|junk"))
				|| message.getHeader("List-Id", null) != null;
	}

	/** What the walk over the parts collects: the first readable text, the rest as files. */
	private static final class Body {
		String text;
		String html;
		final List<InboundMail.Part> parts = new ArrayList<>();
		boolean encrypted;
		boolean deliveryReport;
		String reportedMessageId;
		String deliveryStatus;
	}

	private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
		if (depth > 20) {
			return;
		}
		String type = baseType(part);
		if (type.startsWith("multipart/")) {
			multipart(part, type, body, depth);
		}
		else if (type.equals("application/pkcs7-mime") || type.equals("application/x-pkcs7-mime")
				|| type.equals("application/pgp-encrypted")) {
			body.encrypted = true;
		}
		else if ((type.equals("text/plain") || type.equals("text/html")) && !isAttachment(part) && body.text == null) {
			String content = text(part);
			body.text = type.equals("text/html") ? HtmlText.toText(content) : content;
		}
		else if (type.equals("message/delivery-status")) {
			body.deliveryStatus = statusOf(text(part));
			keep(part, "delivery-status.txt", body);
		}
		else if (type.equals("text/rfc822-headers") || (type.equals("message/rfc822") && body.deliveryReport)) {
			if (body.deliveryReport && body.reportedMessageId == null) {
				body.reportedMessageId = headerId(text(part));
			}
			keep(part, type.equals("message/rfc822") ? "original.eml" : "original-headers.txt", body);
		}
		else {
			keep(part, defaultName(type), body);
		}
	}

	private static void multipart(Part part, String type, Body body, int depth) throws MessagingException, IOException {
		Object content;
		try {
			content = part.getContent();
			if (content instanceof Multipart m) {
				m.getCount(); // parses the parts: a missing or wrong boundary shows here
			}
		}
		catch (MessagingException broken) {
			content = null;
		}
		if (!(content instanceof Multipart multi)) {
			// a multipart without a usable boundary: keep what is there as text
			if (body.text == null) {
				body.text = content instanceof String s ? s : new String(bytes(part.getInputStream()), StandardCharsets.UTF_8);
			}
			return;
		}
		if (type.equals("multipart/report") && "delivery-status".equalsIgnoreCase(param(part, "report-type"))) {
			body.deliveryReport = true;
		}
		if (type.equals("multipart/alternative")) {
			BodyPart chosen = preferred(multi);
			for (int i = 0; i < multi.getCount(); i++) {
				BodyPart child = multi.getBodyPart(i);
				if (child == chosen || (body.text != null && isTextAlternative(child))) {
					if (child == chosen) {
						walk(child, body, depth + 1);
					}
				}
				else if (!isTextAlternative(child)) {
					walk(child, body, depth + 1);
				}
			}
			return;
		}
		for (int i = 0; i < multi.getCount(); i++) {
			walk(multi.getBodyPart(i), body, depth + 1);
		}
	}

	/** In an alternative, plain text is the author's own words; HTML is the fallback. */
	private static BodyPart preferred(Multipart multi) throws MessagingException {
		BodyPart html = null;
		BodyPart other = null;
		for (int i = 0; i < multi.getCount(); i++) {
			BodyPart child = multi.getBodyPart(i);
			String type = baseType(child);
			if (type.equals("text/plain")) {
				return child;
			}
			if (type.equals("text/html") && html == null) {
				html = child;
			}
			if (other == null && type.startsWith("multipart/")) {
				other = child;
			}
		}
		return html != null ? html : other != null ? other : multi.getCount() > 0 ? multi.getBodyPart(0) : null;
	}

	private static boolean isTextAlternative(BodyPart part) throws MessagingException {
		String type = baseType(part);
		return type.equals("text/plain") || type.equals("text/html");
	}

	private static void keep(Part part, String fallbackName, Body body) throws MessagingException, IOException {
		String name = null;
		try {
			name = part.getFileName();
			if (name != null) {
				name = MimeUtility.decodeText(name);
			}
		}
		catch (UnsupportedEncodingException | RuntimeException e) {
			// a badly encoded name: the fallback will do
		}
		byte[] content = bytes(part.getInputStream());
		if (content.length == 0) {
			return;
		}
		boolean inline = Part.INLINE.equalsIgnoreCase(part.getDisposition()) || part.getHeader("Content-ID") != null;
		body.parts.add(new InboundMail.Part(name == null || name.isBlank() ? fallbackName : name, baseType(part), content, inline));
	}

	/** A text part in its declared charset; an unknown or wrong one falls back to UTF-8, then Latin-1. */
	private static String text(Part part) throws MessagingException, IOException {
		byte[] raw = bytes(part.getInputStream());
		String declared = param(part, "charset");
		if (declared != null) {
			try {
				return new String(raw, Charset.forName(MimeUtility.javaCharset(declared.strip())));
			}
			catch (RuntimeException unknownCharset) {
				// fall through to guessing
			}
		}
		String utf8 = new String(raw, StandardCharsets.UTF_8);
		return utf8.contains("\uFFFD") ? new String(raw, StandardCharsets.ISO_8859_1) : utf8;
	}

	private static boolean isAttachment(Part part) throws MessagingException {
		return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
	}

	private static String baseType(Part part) throws MessagingException {
		try {
			return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (RuntimeException | MessagingException e) {
			return "application/octet-stream";
		}
	}

	private static String param(Part part, String name) throws MessagingException {
		try {
			return new ContentType(part.getContentType()).getParameter(name);
		}
		catch (RuntimeException | MessagingException e) {
			return null;
		}
	}

	private static String defaultName(String type) {
		return switch (type) {
			case "text/calendar" -> "invite.ics";
			case "application/pkcs7-signature", "application/x-pkcs7-signature" -> "smime.p7s";
			case "message/rfc822" -> "forwarded.eml";
			case "text/plain" -> "attachment.txt";
			case "text/html" -> "attachment.html";
			default -> type.startsWith("image/") ? "image." + type.substring(6) : "attachment.bin";
		};
	}

	private static byte[] bytes(InputStream in) throws IOException {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toByteArray();
		}
	}

	static String firstId(String header) {
		if (header == null) {
			return null;
		}
		Matcher m = MESSAGE_ID.matcher(header);
		return m.find() ? m.group() : null;
	}

	private static List<String> allIds(String header) {
		if (header == null) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		Matcher m = MESSAGE_ID.matcher(header);
		while (m.find()) {
			ids.add(m.group());
		}
		return ids;
	}

	/** The Message-ID line of the headers a delivery report quotes. */
	private static String headerId(String headers) {
		for (String line : headers.split("\\R")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
				return firstId(line);
			}
		}
		return null;
	}

	private static String statusOf(String report) {
		return Arrays.stream(report.split("\\R"))
			.filter(l -> l.regionMatches(true, 0, "Status:", 0, 7) || l.regionMatches(true, 0, "Diagnostic-Code:", 0, 16)
					|| l.regionMatches(true, 0, "Final-Recipient:", 0, 16) || l.regionMatches(true, 0, "Action:", 0, 7))
			.map(String::strip)
			.reduce((a, b) -> a + "\n" + b)
			.orElse(report.strip());
	}
}
