package io.tierline.audit.internal;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links new entries into their organization's chain. Entries are written unsealed by the
 * action's own transaction, so concurrent actions never wait on one chain head; the sealer
 * then takes the head row's lock (one sealer at a time per organization, across nodes) and
 * chains entries in id order.
 */
@Component
class AuditSealer {

	private static final int BATCH = 500;

	private final AuditStore store;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	AuditSealer(AuditStore store, JdbcClient jdbc, TransactionTemplate tx) {
		this.store = store;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Scheduled(fixedDelayString = "${tierline.audit.seal-interval-ms:1000}", initialDelay = 2000)
	void sealAll() {
		store.organizationsWithUnsealed().forEach(this::seal);
	}

	/** Seals everything unsealed of one organization now. */
	void seal(long orgId) {
		ensureHead(orgId);
		while (Boolean.TRUE.equals(tx.execute(status -> sealBatch(orgId)))) {
			// another full batch may be waiting
		}
	}

	private boolean sealBatch(long orgId) {
		var head = jdbc.sql("select last_seq, last_hash from audit_chain_heads where org_id = ? for update").param(orgId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		long seq = (Long) head[0];
		String prev = (String) head[1];
		List<AuditEntry> entries = store.unsealed(orgId, BATCH);
		for (AuditEntry entry : entries) {
			seq++;
			String hash = AuditChain.hash(entry, seq, prev);
			jdbc.sql("update audit_log set chain_seq = ?, prev_hash = ?, hash = ? where id = ? and hash is null")
				.params(seq, prev, hash, entry.id()).update();
			prev = hash;
		}
		if (!entries.isEmpty()) {
			jdbc.sql("update audit_chain_heads set last_seq = ?, last_hash = ? where org_id = ?").params(seq, prev, orgId).update();
		}
		return entries.size() == BATCH;
	}

	private void ensureHead(long orgId) {
		try {
			jdbc.sql("insert into audit_chain_heads (org_id, last_seq, last_hash) select ?, 0, ? where not exists (select 1 from audit_chain_heads where org_id = ?)")
				.params(orgId, AuditChain.GENESIS, orgId).update();
		}
		catch (DuplicateKeyException createdByAnotherNode) {
			// the head exists now, which is all we need
		}
	}
}
