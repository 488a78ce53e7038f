package io.tierline.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over audit_log; every read is keyset-paginated by id or chain position. */
@Repository
class AuditStore {

	private static final String COLUMNS = "id, org_id, actor_id, actor, at, action, ticket_id, target, before_state, after_state, chain_seq, prev_hash, hash";

	private final JdbcClient jdbc;

	AuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long orgId, Long actorId, String actor, Instant at, String action, Long ticketId, String target,
			String before, String after) {
		jdbc.sql("insert into audit_log (org_id, actor_id, actor, at, action, ticket_id, target, before_state, after_state) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(orgId, actorId, actor, at, action, ticketId, target, before, after)
			.update();
	}

	List<Long> organizationsWithUnsealed() {
		return jdbc.sql("select distinct org_id from audit_log where hash is null").query(Long.class).list();
	}

	List<AuditEntry> unsealed(long orgId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from audit_log where org_id = ? and hash is null order by id limit " + limit)
			.param(orgId).query(AuditStore::entry).list();
	}

	List<AuditEntry> chainPage(long orgId, long afterSeq, int limit) {
		return jdbc.sql("select " + COLUMNS + " from audit_log where org_id = ? and chain_seq > ? order by chain_seq limit " + limit)
			.params(orgId, afterSeq).query(AuditStore::entry).list();
	}

	/** Newest first, keyset on id; {@code beforeId} null for the first page. */
	List<AuditEntry> page(long orgId, Long ticketId, Long beforeId, int limit) {
		var sql = new StringBuilder("select " + COLUMNS + " from audit_log where org_id = :org");
		if (ticketId != null) {
			sql.append(" and ticket_id = :ticket");
		}
		if (beforeId != null) {
			sql.append(" and id < :before");
		}
		sql.append(" order by id desc limit ").append(limit);
		var spec = jdbc.sql(sql.toString()).param("org", orgId);
		if (ticketId != null) {
			spec = spec.param("ticket", ticketId);
		}
		if (beforeId != null) {
			spec = spec.param("before", beforeId);
		}
		return spec.query(AuditStore::entry).list();
	}

	/** The chain position the head says was sealed last; 0 for an empty chain. */
	long sealedUpTo(long orgId) {
		return jdbc.sql("select last_seq from audit_chain_heads where org_id = ?").param(orgId).query(Long.class).optional().orElse(0L);
	}

	long unsealedCount(long orgId) {
		return jdbc.sql("select count(*) from audit_log where org_id = ? and hash is null").param(orgId).query(Long.class).single();
	}

	static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getLong("org_id"), rs.getObject("actor_id", Long.class), rs.getString("actor"),
				rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("action"), rs.getObject("ticket_id", Long.class),
				rs.getString("target"), rs.getString("before_state"), rs.getString("after_state"),
				rs.getObject("chain_seq", Long.class), rs.getString("prev_hash"), rs.getString("hash"));
	}
}
