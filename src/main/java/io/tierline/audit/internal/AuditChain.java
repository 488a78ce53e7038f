package io.tierline.audit.internal;

import java.time.Instant;

import io.tierline.common.Sha256;

/** The hash that links an entry to its predecessor: any change to a sealed entry breaks it. */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(AuditEntry e, long chainSeq, String prevHash) {
		String canonical = String.join("\u001f", String.valueOf(chainSeq), String.valueOf(e.orgId()),
				String.valueOf(e.actorId()), e.actor(), String.valueOf(micros(e.at())), e.action(), String.valueOf(e.ticketId()),
				String.valueOf(e.target()), String.valueOf(e.beforeState()), String.valueOf(e.afterState()), prevHash);
		return Sha256.hex(canonical);
	}

	private static long micros(Instant at) {
		return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
	}
}
