package io.tierline.notify.internal;

import java.time.Instant;
import java.util.List;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app notifications of each person. */
@Repository
public class InAppNotifications {

	public record Notification(long id, long userId, String kind, String title, String body, String link, Instant createdAt,
			Instant readAt) {
	}

	private final JdbcClient jdbc;

	InAppNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long userId, long orgId, String kind, String title, String body, String link, Instant at) {
		jdbc.sql("insert into notifications (user_id, org_id, kind, title, body, link, created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(userId, orgId, kind, cut(title, 300), cut(body, 2000), link, at).update();
	}

	/** Newest first; {@code after} is the id of the last one of the previous page. */
	public List<Notification> of(long userId, boolean unreadOnly, Long before, int limit) {
		return jdbc.sql("select * from notifications where user_id = ?" + (unreadOnly ? " and read_at is null" : "")
				+ (before == null ? "" : " and id < " + before) + " order by id desc limit ?")
			.params(userId, limit)
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getLong("user_id"), rs.getString("kind"), rs.getString("title"),
					rs.getString("body"), rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at")))
			.list();
	}

	public long unread(long userId) {
		return jdbc.sql("select count(*) from notifications where user_id = ? and read_at is null").param(userId)
			.query(Long.class).single();
	}

	/** @return false when there is no such notification of this person */
	public boolean markRead(long userId, long id, Instant at) {
		return jdbc.sql("update notifications set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
			.params(at, id, userId).update() == 1;
	}

	public int markAllRead(long userId, Instant at) {
		return jdbc.sql("update notifications set read_at = ? where user_id = ? and read_at is null").params(at, userId).update();
	}

	static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		return io.tierline.common.Rows.instant(rs, column);
	}

}
