package io.tierline.ticket.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SPEC §11: attachments are type-checked by their content, not by what the sender claims.
 * Recognised types are allowed; executables and unknown binaries are refused.
 */
final class ContentSniffer {

	private static final Set<String> REFUSED_EXTENSIONS = Set.of("exe", "dll", "bat", "cmd", "com", "msi", "scr", "ps1",
			"vbs", "js", "jar", "sh", "apk", "app");

	private ContentSniffer() {
	}

	/** @return the detected type, or empty when the content is not allowed */
	static Optional<String> detect(byte[] head, int length, String filename) {
		String ext = extension(filename);
		if (REFUSED_EXTENSIONS.contains(ext) || startsWith(head, length, "MZ") || startsWith(head, length, "\u007fELF")
				|| startsWith(head, length, "#!")) {
			return Optional.empty();
		}
		if (startsWith(head, length, "\u0089PNG")) {
			return Optional.of("image/png");
		}
		if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(head, length, "GIF8")) {
			return Optional.of("image/gif");
		}
		if (startsWith(head, length, "%PDF")) {
			return Optional.of("application/pdf");
		}
		if (startsWith(head, length, "PK\u0003\u0004")) {
			return Optional.of(switch (ext) {
				case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
				case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				default -> "application/zip";
			});
		}
		if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
			return Optional.of("application/gzip");
		}
		// a detached S/MIME signature (DER): harmless, and what proves who signed the mail
		if (length >= 2 && head[0] == 0x30 && (ext.equals("p7s") || ext.equals("p7c"))) {
			return Optional.of("application/pkcs7-signature");
		}
		if (isText(head, length)) {
			return Optional.of(switch (ext) {
				case "json" -> "application/json";
				case "csv" -> "text/csv";
				case "xml" -> "application/xml";
				case "eml" -> "message/rfc822";
				default -> "text/plain";
			});
		}
		return Optional.empty();
	}

	private static boolean isText(byte[] head, int length) {
		for (int i = 0; i < length; i++) {
			if (head[i] == 0) {
				return false;
			}
		}
		// the sample may end inside a multi-byte character: ignore up to 3 trailing bytes
		for (int cut = 0; cut <= Math.min(3, length); cut++) {
			try {
				StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(head, 0, length - cut));
				return true;
			}
			catch (CharacterCodingException e) {
				// try a shorter sample
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] head, int length, String magic) {
		if (length < magic.length()) {
			return false;
		}
		for (int i = 0; i < magic.length(); i++) {
			if ((head[i] & 0xff) != magic.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
