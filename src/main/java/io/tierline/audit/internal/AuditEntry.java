package io.tierline.audit.internal;

import java.time.Instant;

/** A stored audit entry. {@code chainSeq}, {@code prevHash} and {@code hash} are null until sealed. */
record AuditEntry(long id, long orgId, Long actorId, String actor, Instant at, String action, Long ticketId, String target,
		String beforeState, String afterState, Long chainSeq, String prevHash, String hash) {
}
