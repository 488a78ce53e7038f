package io.tierline.notify.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Webhook deliveries and every attempt at them: the delivery log admins read. */
@Repository
public class WebhookDeliveries {

	public record Delivery(long id, String deliveryId, long endpointId, long clientId, String eventType, String payload,
			String status, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
			Instant deliveredAt) {
	}

	public record Attempt(long deliveryId, int attempt, Instant at, Integer statusCode, String error, int durationMs) {
	}

	private final JdbcClient jdbc;

	WebhookDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the delivery id the receiver sees ({@code X-Tierline-Delivery}) */
	String add(long endpointId, long clientId, String eventType, String deliveryId, String payload, Instant at) {
		jdbc.sql("""
				insert into webhook_deliveries (delivery_id, endpoint_id, client_id, event_type, payload, status, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(deliveryId, endpointId, clientId, eventType, payload, at, at).update();
		return deliveryId;
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

	/** Claims due deliveries for a lease; rows another node holds are skipped, not waited for. */
	@Transactional
	public List<Delivery> claim(Instant now, Instant leaseUntil, int limit) {
		List<Long> ids = jdbc.sql("""
				select id from webhook_deliveries where status = 'PENDING' and next_attempt_at <= ?
				  and (locked_until is null or locked_until < ?)
				order by next_attempt_at, id limit ? for update skip locked""")
			.params(now, now, limit).query(Long.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("update webhook_deliveries set locked_until = :until where id in (:ids)").param("until", leaseUntil)
			.param("ids", ids).update();
		return jdbc.sql("select * from webhook_deliveries where id in (:ids) order by id").param("ids", ids)
			.query(WebhookDeliveries::delivery).list();
	}

	@Transactional
	public void attempted(Delivery d, Attempt attempt, boolean delivered, boolean giveUp, Instant retryAt) {
		jdbc.sql("insert into webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms) values (?, ?, ?, ?, ?, ?)")
			.params(d.id(), attempt.attempt(), attempt.at(), attempt.statusCode(), InAppNotifications.cut(attempt.error(), 1000),
					attempt.durationMs())
			.update();
		String status = delivered ? "DELIVERED" : giveUp ? "FAILED" : "PENDING";
		jdbc.sql("""
				update webhook_deliveries set status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?,
				  delivered_at = ?, locked_until = null
				where id = ?""")
			.params(status, attempt.attempt(), attempt.statusCode(), InAppNotifications.cut(attempt.error(), 1000),
					retryAt == null ? attempt.at() : retryAt, delivered ? attempt.at() : null, d.id())
			.update();
	}

	/** An admin asks for another try now (a FAILED delivery starts a fresh series of attempts). */
	boolean retryNow(long id, Instant now) {
		return jdbc.sql("update webhook_deliveries set status = 'PENDING', next_attempt_at = ?, locked_until = null where id = ? and status <> 'DELIVERED'")
			.params(now, id).update() == 1;
	}

	public Optional<Delivery> find(long id) {
		return jdbc.sql("select * from webhook_deliveries where id = ?").param(id).query(WebhookDeliveries::delivery).optional();
	}

	/** Newest first, keyset by id. */
	public List<Delivery> ofEndpoint(long endpointId, Long before, int limit) {
		return jdbc.sql("select * from webhook_deliveries where endpoint_id = ?" + (before == null ? "" : " and id < " + before)
				+ " order by id desc limit ?")
			.params(endpointId, limit).query(WebhookDeliveries::delivery).list();
	}

	/** The attempts of several deliveries in one query, by delivery. */
	public java.util.Map<Long, List<Attempt>> attemptsOf(List<Long> deliveryIds) {
		java.util.Map<Long, List<Attempt>> byDelivery = new java.util.HashMap<>();
		if (deliveryIds.isEmpty()) {
			return byDelivery;
		}
		jdbc.sql("select * from webhook_attempts where delivery_id in (:ids) order by id").param("ids", deliveryIds)
			.query((rs, n) -> new Attempt(rs.getLong("delivery_id"), rs.getInt("attempt"), InAppNotifications.instant(rs, "at"),
					(Integer) rs.getObject("status_code", Integer.class), rs.getString("error"), rs.getInt("duration_ms")))
			.list()
			.forEach(a -> byDelivery.computeIfAbsent(a.deliveryId(), k -> new java.util.ArrayList<>()).add(a));
		return byDelivery;
	}

	public List<Attempt> attempts(long deliveryId) {
		return jdbc.sql("select * from webhook_attempts where delivery_id = ? order by id").param(deliveryId)
			.query((rs, n) -> new Attempt(rs.getLong("delivery_id"), rs.getInt("attempt"), InAppNotifications.instant(rs, "at"),
					(Integer) rs.getObject("status_code", Integer.class), rs.getString("error"), rs.getInt("duration_ms")))
			.list();
	}

	private static Delivery delivery(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Delivery(rs.getLong("id"), rs.getString("delivery_id"), rs.getLong("endpoint_id"), rs.getLong("client_id"),
				rs.getString("event_type"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
				InAppNotifications.instant(rs, "next_attempt_at"), (Integer) rs.getObject("last_status", Integer.class),
				rs.getString("last_error"), InAppNotifications.instant(rs, "created_at"),
				InAppNotifications.instant(rs, "delivered_at"));
	}
}
