package io.tierline.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.common.Keyset;
import io.tierline.knowledge.ArticleKind;
import io.tierline.knowledge.ArticleStatus;
import io.tierline.knowledge.Audience;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Articles with their versions, products and workflow transitions. */
@Repository
public class Articles {

	private final JdbcClient jdbc;

	Articles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a list filters on. {@code readers} limits it to what requesters see (public, published,
	 * not archived); {@code status}, {@code kind} and {@code text} may be null.
	 */
	public record Filter(List<Long> clientIds, boolean readers, ArticleStatus status, ArticleKind kind, String text,
			String product) {
	}

	public record Page(List<ArticleSummary> items, String nextCursor) {
	}

	public record Transition(int version, ArticleStatus from, ArticleStatus to, String actor, String note, Instant at) {
	}

	public Optional<Article> find(long id) {
		return jdbc.sql("select * from articles where id = ?").param(id).query(Articles::article).optional();
	}

	/** Locks the row for the rest of the transaction, so two reviewers do not publish over each other. */
	public Optional<Article> findForUpdate(long id) {
		return jdbc.sql("select * from articles where id = ? for update").param(id).query(Articles::article).optional();
	}

	public Article insert(Article a) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into articles (client_id, kind, status, version, audience, title, known_issue_id, published_version,
				  published_title, published_at, created_by, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.clientId(), a.kind().name(), a.status().name(), a.version(), a.audience().name(), a.title(), a.knownIssueId(),
					a.publishedVersion(), a.publishedTitle(), a.publishedAt(), a.createdBy(), a.createdAt(), a.updatedAt())
			.update(keys, "id");
		a.assignId(keys.getKey().longValue());
		return a;
	}

	public void update(Article a) {
		jdbc.sql("""
				update articles set status = ?, version = ?, audience = ?, title = ?, known_issue_id = ?, published_version = ?,
				  published_title = ?, published_at = ?, updated_at = ?
				where id = ?""")
			.params(a.status().name(), a.version(), a.audience().name(), a.title(), a.knownIssueId(), a.publishedVersion(),
					a.publishedTitle(),
					a.publishedAt(), a.updatedAt(), a.id())
			.update();
	}

	public void insertVersion(long articleId, int version, String title, String body, Audience audience, String spec,
			long authorId, String note, Instant at) {
		jdbc.sql("""
				insert into article_versions (article_id, version, title, body, audience, spec, author_id, note, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(articleId, version, title, body, audience.name(), spec, authorId, note, at).update();
	}

	public Optional<ArticleVersion> version(long articleId, int version) {
		return jdbc.sql(VERSION + " where v.article_id = ? and v.version = ?").params(articleId, version)
			.query(Articles::version).optional();
	}

	/** Newest first; an article has few versions, but the list is capped all the same. */
	public List<ArticleVersion> versions(long articleId, int limit) {
		return jdbc.sql(VERSION + " where v.article_id = ? order by v.version desc limit " + limit).param(articleId)
			.query(Articles::version).list();
	}

	private static final String VERSION = """
			select v.*, u.email as author from article_versions v join users u on u.id = v.author_id""";

	public List<String> products(long articleId) {
		return jdbc.sql("""
				select p.slug from article_products ap join products p on p.id = ap.product_id
				where ap.article_id = ? order by p.slug""").param(articleId).query(String.class).list();
	}

	public List<Long> productIds(long articleId) {
		return jdbc.sql("select product_id from article_products where article_id = ? order by product_id").param(articleId)
			.query(Long.class).list();
	}

	public long countReadable() {
		return jdbc.sql("select count(*) from articles where published_version is not null and status <> 'ARCHIVED'")
			.query(Long.class).single();
	}

	public void replaceProducts(long articleId, List<Long> productIds) {
		jdbc.sql("delete from article_products where article_id = ?").param(articleId).update();
		productIds.forEach(p -> jdbc.sql("insert into article_products (article_id, product_id) values (?, ?)")
			.params(articleId, p).update());
	}

	public void recordTransition(Article a, ArticleStatus from, long actorId, String note, Instant at) {
		jdbc.sql("""
				insert into article_transitions (article_id, version, from_status, to_status, actor_id, note, at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), a.version(), from == null ? null : from.name(), a.status().name(), actorId, note, at).update();
	}

	public List<Transition> transitions(long articleId) {
		return jdbc.sql("""
				select t.*, u.email from article_transitions t join users u on u.id = t.actor_id
				where t.article_id = ? order by t.id desc limit 200""").param(articleId)
			.query((rs, n) -> new Transition(rs.getInt("version"),
					rs.getString("from_status") == null ? null : ArticleStatus.valueOf(rs.getString("from_status")),
					ArticleStatus.valueOf(rs.getString("to_status")), rs.getString("email"), rs.getString("note"),
					instant(rs, "at")))
			.list();
	}

	/** Newest change first, keyset-paginated on (updated_at, id). */
	public Page list(Filter filter, Keyset after, int limit) {
		if (filter.clientIds().isEmpty()) {
			return new Page(List.of(), null);
		}
		StringBuilder where = new StringBuilder(" where a.client_id in (:clients)");
		Map<String, Object> params = new HashMap<>();
		params.put("clients", filter.clientIds());
		if (filter.readers()) {
			where.append(" and a.published_version is not null and a.status <> 'ARCHIVED' and exists (select 1 from"
					+ " article_versions pv where pv.article_id = a.id and pv.version = a.published_version and pv.audience = 'PUBLIC')");
		}
		if (filter.status() != null) {
			where.append(" and a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.kind() != null) {
			where.append(" and a.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.product() != null) {
			// by slug: clients may share a product slug, each article is tagged with its own client's product
			where.append(" and exists (select 1 from article_products ap join products p on p.id = ap.product_id"
					+ " where ap.article_id = a.id and p.slug = :product)");
			params.put("product", filter.product());
		}
		if (filter.text() != null) {
			// a title filter only: ranked full-text search is the search module's
			where.append(filter.readers() ? " and lower(a.published_title) like :text" : " and lower(a.title) like :text");
			params.put("text", "%" + filter.text().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (after != null) {
			where.append(" and (a.updated_at < :afterAt or (a.updated_at = :afterAt and a.id < :afterId))");
			params.put("afterAt", after.at());
			params.put("afterId", after.id());
		}
		String title = filter.readers() ? "a.published_title" : "a.title";
		List<ArticleSummary> rows = new ArrayList<>(jdbc.sql("select a.*, " + title + " as shown_title, o.slug as client"
				+ " from articles a join organizations o on o.id = a.client_id" + where
				+ " order by a.updated_at desc, a.id desc limit " + (limit + 1))
			.params(params).query(Articles::summary).list());
		String next = null;
		if (rows.size() > limit) {
			rows.remove(limit);
			ArticleSummary last = rows.get(limit - 1);
			next = new Keyset(last.updatedAt(), last.id()).encode();
		}
		return new Page(rows, next);
	}

	/** Published, readable articles of a client and kind, for the ticket page's pickers (small: capped). */
	public List<ArticleSummary> readableOfKind(long clientId, ArticleKind kind, int limit) {
		return jdbc.sql("""
				select a.*, a.published_title as shown_title, o.slug as client from articles a
				join organizations o on o.id = a.client_id
				where a.client_id = ? and a.kind = ? and a.published_version is not null and a.status <> 'ARCHIVED'
				order by a.published_title, a.id limit """ + " " + limit)
			.params(clientId, kind.name()).query(Articles::summary).list();
	}

	/** Readable (published, not archived) articles with an id above {@code afterId}, by id: the search rebuild's pages. */
	public List<Article> readableAfter(long afterId, int limit) {
		return jdbc.sql("""
				select * from articles where published_version is not null and status <> 'ARCHIVED' and id > ?
				order by id limit """ + " " + limit).param(afterId).query(Articles::article).list();
	}

	static Article article(ResultSet rs, int n) throws SQLException {
		int published = rs.getInt("published_version");
		Integer pv = rs.wasNull() ? null : published;
		long knownIssue = rs.getLong("known_issue_id");
		Long ki = rs.wasNull() ? null : knownIssue;
		Article article = new Article(rs.getLong("id"), rs.getLong("client_id"), ArticleKind.valueOf(rs.getString("kind")),
				ArticleStatus.valueOf(rs.getString("status")), rs.getInt("version"), Audience.valueOf(rs.getString("audience")),
				rs.getString("title"), pv, rs.getString("published_title"),
				instant(rs, "published_at"), rs.getLong("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
		article.linkKnownIssue(ki);
		return article;
	}

	private static ArticleSummary summary(ResultSet rs, int n) throws SQLException {
		int published = rs.getInt("published_version");
		Integer pv = rs.wasNull() ? null : published;
		return new ArticleSummary(rs.getLong("id"), "KB-" + rs.getLong("id"), rs.getString("client"),
				ArticleKind.valueOf(rs.getString("kind")), ArticleStatus.valueOf(rs.getString("status")),
				Audience.valueOf(rs.getString("audience")), rs.getString("shown_title"), rs.getInt("version"), pv,
				instant(rs, "updated_at"));
	}

	private static ArticleVersion version(ResultSet rs, int n) throws SQLException {
		return new ArticleVersion(rs.getLong("article_id"), rs.getInt("version"), rs.getString("title"), rs.getString("body"),
				Audience.valueOf(rs.getString("audience")), rs.getString("spec"), rs.getString("author"), rs.getString("note"),
				instant(rs, "created_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
