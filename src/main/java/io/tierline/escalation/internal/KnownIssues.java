package io.tierline.escalation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.access.AccessManagement;
import io.tierline.common.Keyset;
import io.tierline.escalation.KnownIssueStatus;
import io.tierline.escalation.KnownIssueSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The known-issue library: the aggregate with its signatures in and out, and the list queries. */
@Repository
public class KnownIssues {

	private static final String SUMMARY = """
			select k.id, k.client_id, k.title, k.status, k.fixed_in_version, p.slug as product, k.linked_count, k.updated_at
			from known_issues k left join products p on p.id = k.product_id
			""";

	private final JdbcClient jdbc;
	private final AccessManagement access;

	KnownIssues(JdbcClient jdbc, AccessManagement access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** What the library list filters on; {@code status} and {@code text} may be null. */
	public record Filter(List<Long> clientIds, KnownIssueStatus status, String text) {
	}

	public record Page(List<KnownIssueSummary> items, String nextCursor) {
	}

	public Optional<KnownIssue> find(long id) {
		return load("select * from known_issues where id = ?", id);
	}

	public Optional<KnownIssueSummary> summary(long id) {
		return jdbc.sql(SUMMARY + " where k.id = ?").param(id).query(this::summaryRow).optional();
	}

	public KnownIssue insert(KnownIssue k) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into known_issues (client_id, title, symptoms, workaround, status, fixed_in_version, product_id,
				  linked_count, threshold_notified, created_by, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, 0, false, ?, ?, ?)""")
			.params(k.clientId(), k.title(), k.symptoms(), k.workaround(), k.status().name(), k.fixedInVersion(), k.productId(),
					k.createdBy(), k.createdAt(), k.updatedAt())
			.update(keys, "id");
		k.assignId(keys.getKey().longValue());
		insertSignatures(k);
		return k;
	}

	/** Saves the fields a person edits; the count and the threshold flag belong to {@link KnownIssueLinks}. */
	public void update(KnownIssue k) {
		jdbc.sql("""
				update known_issues set title = ?, symptoms = ?, workaround = ?, status = ?, fixed_in_version = ?, product_id = ?,
				  updated_at = ?
				where id = ?""")
			.params(k.title(), k.symptoms(), k.workaround(), k.status().name(), k.fixedInVersion(), k.productId(), k.updatedAt(),
					k.id())
			.update();
		jdbc.sql("delete from known_issue_signatures where known_issue_id = ?").param(k.id()).update();
		insertSignatures(k);
	}

	/** Locks the issue's row for the rest of the transaction (an edit against concurrent edits). */
	public Optional<KnownIssue> findForUpdate(long id) {
		return load("select * from known_issues where id = ? for update", id);
	}

	/** @return false when tickets are linked (or the issue is gone) */
	public boolean deleteUnlinked(long id) {
		if (jdbc.sql("select count(*) from known_issues where id = ? and linked_count = 0").param(id).query(Long.class).single() == 0) {
			return false;
		}
		jdbc.sql("delete from known_issue_signatures where known_issue_id = ?").param(id).update();
		return jdbc.sql("delete from known_issues where id = ? and linked_count = 0").param(id).update() == 1;
	}

	/** Newest change first, keyset-paginated on (updated_at, id). */
	public Page list(Filter filter, Keyset after, int limit) {
		if (filter.clientIds().isEmpty()) {
			return new Page(List.of(), null);
		}
		StringBuilder where = new StringBuilder(" where k.client_id in (:clients)");
		Map<String, Object> params = new HashMap<>();
		params.put("clients", filter.clientIds());
		if (filter.status() != null) {
			where.append(" and k.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.text() != null) {
			where.append(" and (lower(k.title) like :text or lower(k.symptoms) like :text or exists (select 1"
					+ " from known_issue_signatures s where s.known_issue_id = k.id and lower(s.pattern) like :text))");
			params.put("text", "%" + filter.text().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (after != null) {
			where.append(" and (k.updated_at < :afterAt or (k.updated_at = :afterAt and k.id < :afterId))");
			params.put("afterAt", after.at());
			params.put("afterId", after.id());
		}
		List<KnownIssueSummary> rows = new ArrayList<>(jdbc.sql(SUMMARY + where + " order by k.updated_at desc, k.id desc limit " + (limit + 1))
			.params(params).query(this::summaryRow).list());
		String next = null;
		if (rows.size() > limit) {
			rows = rows.subList(0, limit);
			KnownIssueSummary last = rows.get(limit - 1);
			next = new Keyset(last.updatedAt(), last.id()).encode();
		}
		return new Page(List.copyOf(rows), next);
	}

	/** A page of the client's issues that are not fixed, by id, with their signatures: what suggestions match against. */
	public List<KnownIssue> notFixed(long clientId, long afterId, int limit) {
		List<KnownIssue> page = jdbc.sql("""
				select * from known_issues where client_id = ? and id > ? and status <> 'FIXED' order by id limit ?""")
			.params(clientId, afterId, limit).query(this::issueWithoutSignatures).list();
		if (page.isEmpty()) {
			return page;
		}
		Map<Long, List<KnownIssueSignature>> signatures = new HashMap<>();
		jdbc.sql("select * from known_issue_signatures where known_issue_id in (:ids) order by known_issue_id, position")
			.param("ids", page.stream().map(KnownIssue::id).toList())
			.query((rs, n) -> Map.entry(rs.getLong("known_issue_id"), signature(rs)))
			.list()
			.forEach(e -> signatures.computeIfAbsent(e.getKey(), id -> new ArrayList<>()).add(e.getValue()));
		return page.stream().map(k -> withSignatures(k, signatures.getOrDefault(k.id(), List.of()))).toList();
	}

	/** The product's slug for a page to show; null when id is null. */
	public String productSlug(Long productId) {
		return productId == null ? null
				: jdbc.sql("select slug from products where id = ?").param(productId).query(String.class).optional().orElse(null);
	}

	KnownIssueSummary summaryRow(ResultSet rs, int n) throws SQLException {
		long clientId = rs.getLong("client_id");
		return new KnownIssueSummary(rs.getLong("id"), clientId, access.organization(clientId).slug(), rs.getString("title"),
				KnownIssueStatus.valueOf(rs.getString("status")), rs.getString("fixed_in_version"), rs.getString("product"),
				rs.getInt("linked_count"), instant(rs, "updated_at"));
	}

	private void insertSignatures(KnownIssue k) {
		int position = 0;
		for (KnownIssueSignature s : k.signatures()) {
			jdbc.sql("insert into known_issue_signatures (known_issue_id, position, kind, pattern) values (?, ?, ?, ?)")
				.params(k.id(), position++, s.kind().name(), s.pattern()).update();
		}
	}

	private Optional<KnownIssue> load(String sql, long id) {
		return jdbc.sql(sql).param(id).query(this::issueWithoutSignatures).optional()
			.map(k -> withSignatures(k, jdbc.sql("select * from known_issue_signatures where known_issue_id = ? order by position")
				.param(k.id()).query((row, i) -> signature(row)).list()));
	}

	private KnownIssue issueWithoutSignatures(ResultSet rs, int n) throws SQLException {
		return new KnownIssue(rs.getLong("id"), rs.getLong("client_id"), rs.getString("title"), rs.getString("symptoms"),
				rs.getString("workaround"), List.of(), KnownIssueStatus.valueOf(rs.getString("status")),
				rs.getString("fixed_in_version"), rs.getObject("product_id", Long.class), rs.getInt("linked_count"),
				rs.getLong("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static KnownIssue withSignatures(KnownIssue k, List<KnownIssueSignature> signatures) {
		return new KnownIssue(k.id(), k.clientId(), k.title(), k.symptoms(), k.workaround(), signatures, k.status(),
				k.fixedInVersion(), k.productId(), k.linkedCount(), k.createdBy(), k.createdAt(), k.updatedAt());
	}

	private static KnownIssueSignature signature(ResultSet rs) throws SQLException {
		return new KnownIssueSignature(KnownIssueSignature.Kind.valueOf(rs.getString("kind")), rs.getString("pattern"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return io.tierline.common.Rows.instant(rs, column);
	}
}
