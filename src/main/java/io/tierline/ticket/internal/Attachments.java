package io.tierline.ticket.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tierline.common.FieldProblem;
import io.tierline.common.InvalidInputException;
import io.tierline.masking.Masked;
import io.tierline.masking.SecretKind;
import io.tierline.masking.SecretMasking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Attachments are streamed to disk (content-addressed by SHA-256, so a file sent twice is stored
 * once); the database keeps only their metadata. A text attachment is masked before it lands in
 * storage (SPEC §6), so its hash and size are those of the masked text.
 */
@Repository
public class Attachments {

	/** {@code maskedKinds}: the masked_kinds column, see {@link #masked()}. */
	public record Attachment(long id, long ticketId, Long messageId, String filename, String contentType, long sizeBytes,
			String sha256, String storageKey, Instant createdAt, String maskedKinds) {

		/** The kinds of secret masked in the file when it was stored; empty when none (or not text). */
		public List<SecretKind> masked() {
			return SecretScreen.kinds(maskedKinds);
		}
	}

	/** @param masked what was masked, without the text; {@link Masked#none} for binary files */
	public record Stored(String filename, String contentType, long sizeBytes, String sha256, String storageKey, Masked masked) {
	}

	/** Types {@link ContentSniffer} gives to content that is UTF-8 text throughout its first 8 KB. */
	private static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/csv", "application/json", "application/xml",
			"message/rfc822");

	private final JdbcClient jdbc;
	private final SecretMasking masking;
	private final Path root;
	private final long maxBytes;

	Attachments(JdbcClient jdbc, SecretMasking masking, @Value("${tierline.attachments.dir}") String dir,
			@Value("${tierline.attachments.max-bytes}") long maxBytes) throws IOException {
		this.jdbc = jdbc;
		this.masking = masking;
		this.root = Files.createDirectories(Path.of(dir)).toAbsolutePath();
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return maxBytes;
	}

	/** Streams the content to storage, refusing it past the size limit or when its type is not allowed. */
	Stored store(InputStream content, String originalName) throws IOException {
		String filename = safeName(originalName);
		Path temp = Files.createTempFile(root, "upload-", ".part");
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] head = new byte[8192];
			int headLength = 0;
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = content.read(buffer)) != -1) {
					if (headLength < head.length) {
						int take = Math.min(read, head.length - headLength);
						System.arraycopy(buffer, 0, head, headLength, take);
						headLength += take;
					}
					size += read;
					if (size > maxBytes) {
						throw new InvalidInputException(List.of(new FieldProblem("file", "exceeds the limit of " + maxBytes + " bytes")));
					}
					out.write(buffer, 0, read);
				}
			}
			if (size == 0) {
				throw InvalidInputException.of("file", "is empty");
			}
			String type = ContentSniffer.detect(head, headLength, filename)
				.orElseThrow(() -> InvalidInputException.of("file", "has a type that is not allowed (executables and unrecognised binary files are refused)"));
			Masked masked = TEXT_TYPES.contains(type) ? maskText(temp) : Masked.none(null);
			String hash = HexFormat.of().formatHex(masked.any() ? sha256(temp) : sha.digest());
			size = Files.size(temp);
			String key = hash.substring(0, 2) + "/" + hash;
			Path target = root.resolve(key);
			Files.createDirectories(target.getParent());
			if (!Files.exists(target)) {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			return new Stored(filename, type, size, hash, key, masked);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * SPEC §6: rewrites the file with its secrets masked. Read as ISO-8859-1, one character a byte,
	 * so every byte that is not part of a secret is written back unchanged, valid UTF-8 or not (all
	 * the patterns are ASCII).
	 *
	 * @return what was masked, without the text
	 */
	private Masked maskText(Path file) throws IOException {
		Masked masked = masking.mask(Files.readString(file, StandardCharsets.ISO_8859_1));
		if (masked.any()) {
			Files.writeString(file, masked.text(), StandardCharsets.ISO_8859_1);
		}
		return new Masked(null, masked.found());
	}

	private static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return sha.digest();
	}

	long insert(long ticketId, Long messageId, Stored stored, long uploadedBy, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into attachments (ticket_id, message_id, filename, content_type, size_bytes, sha256, storage_key, masked_kinds, uploaded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ticketId, messageId, stored.filename(), stored.contentType(), stored.sizeBytes(), stored.sha256(),
					stored.storageKey(), SecretScreen.column(stored.masked()), uploadedBy, at)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Attachment> find(long id) {
		return jdbc.sql("select id, ticket_id, message_id, filename, content_type, size_bytes, sha256, storage_key, created_at, masked_kinds from attachments where id = ?")
			.param(id).query(Attachment.class).optional();
	}

	public List<Attachment> ofTicket(long ticketId, Collection<Long> messageIds) {
		return jdbc.sql("select id, ticket_id, message_id, filename, content_type, size_bytes, sha256, storage_key, created_at, masked_kinds from attachments where ticket_id = ? order by id")
			.param(ticketId).query(Attachment.class).list()
			.stream().filter(a -> messageIds == null || a.messageId() == null || messageIds.contains(a.messageId())).toList();
	}

	public InputStream open(Attachment attachment) throws IOException {
		return Files.newInputStream(root.resolve(attachment.storageKey()));
	}

	private static String safeName(String name) {
		String base = name == null || name.isBlank() ? "attachment" : Path.of(name.replace('\\', '/')).getFileName().toString();
		base = base.replaceAll("[\\p{Cntrl}\"]", "_");
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}
}
