package io.tierline.ticket.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.tierline.common.FieldProblem;
import io.tierline.common.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Attachments are streamed to disk (content-addressed by SHA-256, so a file sent twice is stored
 * once); the database keeps only their metadata.
 */
@Repository
public class Attachments {

	public record Attachment(long id, long ticketId, Long messageId, String filename, String contentType, long sizeBytes,
			String sha256, String storageKey, Instant createdAt) {
	}

	public record Stored(String filename, String contentType, long sizeBytes, String sha256, String storageKey) {
	}

	private final JdbcClient jdbc;
	private final Path root;
	private final long maxBytes;

	Attachments(JdbcClient jdbc, @Value("${tierline.attachments.dir}") String dir,
			@Value("${tierline.attachments.max-bytes}") long maxBytes) throws IOException {
		this.jdbc = jdbc;
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
			String hash = HexFormat.of().formatHex(sha.digest());
			String key = hash.substring(0, 2) + "/" + hash;
			Path target = root.resolve(key);
			Files.createDirectories(target.getParent());
			if (!Files.exists(target)) {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			return new Stored(filename, type, size, hash, key);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	long insert(long ticketId, Long messageId, Stored stored, long uploadedBy, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into attachments (ticket_id, message_id, filename, content_type, size_bytes, sha256, storage_key, uploaded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ticketId, messageId, stored.filename(), stored.contentType(), stored.sizeBytes(), stored.sha256(),
					stored.storageKey(), uploadedBy, at)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Attachment> find(long id) {
		return jdbc.sql("select id, ticket_id, message_id, filename, content_type, size_bytes, sha256, storage_key, created_at from attachments where id = ?")
			.param(id).query(Attachment.class).optional();
	}

	public List<Attachment> ofTicket(long ticketId, Collection<Long> messageIds) {
		return jdbc.sql("select id, ticket_id, message_id, filename, content_type, size_bytes, sha256, storage_key, created_at from attachments where ticket_id = ? order by id")
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
