package io.tierline.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash that links an entry to its predecessor: any change to a sealed entry breaks it. */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(AuditEntry e, long chainSeq, String prevHash) {
		String canonical = String.join("\u001f", String.valueOf(chainSeq), String.valueOf(e.orgId()),
				String.valueOf(e.actorId()), e.actor(), String.valueOf(micros(e.at())), e.action(), String.valueOf(e.ticketId()),
				String.valueOf(e.target()), String.valueOf(e.beforeState()), String.valueOf(e.afterState()), prevHash);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long micros(Instant at) {
		return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
	}
}
