package io.tierline.escalation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.common.Tier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The escalations table: each ticket keeps its full escalation history. */
@Repository
public class Escalations {

	private static final TypeReference<List<String>> STEPS = new TypeReference<>() {
	};
	private static final TypeReference<java.util.LinkedHashMap<String, String>> ENVIRONMENT = new TypeReference<>() {
	};

	static final String SELECT = """
			select e.*, ub.email as escalated_by_email, ud.email as decided_by_email
			from escalations e join users ub on ub.id = e.escalated_by left join users ud on ud.id = e.decided_by
			""";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Escalations(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public long insert(Escalation e) {
		var keys = new GeneratedKeyHolder();
		Escalation.Vendor v = e.vendor();
		jdbc.sql("""
				insert into escalations (ticket_id, client_id, from_tier, to_tier, criterion_id, steps_attempted, environment,
				  error_messages, reproduction_steps, customer_impact, customers_affected, known_issue_id, escalated_by, escalated_at,
				  state, vendor, vendor_reference, vendor_status, vendor_updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.ticketId(), e.clientId(), e.fromTier().name(), e.toTier().name(), e.criterionId(),
					json.writeValueAsString(e.stepsAttempted()), json.writeValueAsString(e.environment()), e.errorMessages(),
					e.reproductionSteps(), e.customerImpact(), e.customersAffected(), e.knownIssueId(), e.escalatedById(),
					e.escalatedAt(), e.state().name(), v == null ? null : v.name(), v == null ? null : v.reference(),
					v == null ? null : v.status().name(), v == null ? null : v.updatedAt())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Escalation> find(long id) {
		return jdbc.sql(SELECT + " where e.id = ?").param(id).query(this::escalation).optional();
	}

	/** Oldest first: the history as it happened. */
	public List<Escalation> ofTicket(long ticketId) {
		return jdbc.sql(SELECT + " where e.ticket_id = ? order by e.id").param(ticketId).query(this::escalation).list();
	}

	public boolean hasPending(long ticketId) {
		return jdbc.sql("select count(*) from escalations where ticket_id = ? and state = 'PENDING'").param(ticketId)
			.query(Long.class).single() > 0;
	}

	/** Records the decision unless somebody decided first; false when they did. */
	public boolean decide(long id, boolean accepted, long deciderId, Instant at, Escalation.ReturnReason reason, String note) {
		return jdbc.sql("""
				update escalations set state = ?, decided_by = ?, decided_at = ?, decision_reason = ?, decision_note = ?
				where id = ? and state = 'PENDING'""")
			.params(accepted ? "ACCEPTED" : "RETURNED", deciderId, at, reason == null ? null : reason.name(), note, id)
			.update() == 1;
	}

	public void vendorUpdated(long id, Escalation.Vendor vendor) {
		jdbc.sql("update escalations set vendor = ?, vendor_reference = ?, vendor_status = ?, vendor_updated_at = ? where id = ?")
			.params(vendor.name(), vendor.reference(), vendor.status().name(), vendor.updatedAt(), id).update();
	}

	/** For the inbox and pages, which join escalations to tickets themselves. */
	Escalation escalation(ResultSet rs, int n) throws SQLException {
		String reason = rs.getString("decision_reason");
		String vendorName = rs.getString("vendor");
		Map<String, String> environment = json.readValue(rs.getString("environment"), ENVIRONMENT);
		return new Escalation(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("client_id"),
				Tier.valueOf(rs.getString("from_tier")), Tier.valueOf(rs.getString("to_tier")), rs.getLong("criterion_id"),
				json.readValue(rs.getString("steps_attempted"), STEPS), environment, rs.getString("error_messages"),
				rs.getString("reproduction_steps"), rs.getString("customer_impact"),
				rs.getObject("customers_affected") == null ? null : rs.getInt("customers_affected"),
				rs.getObject("known_issue_id") == null ? null : rs.getLong("known_issue_id"), rs.getLong("escalated_by"),
				rs.getString("escalated_by_email"), instant(rs, "escalated_at"), Escalation.State.valueOf(rs.getString("state")),
				rs.getObject("decided_by") == null ? null : rs.getLong("decided_by"), rs.getString("decided_by_email"),
				instant(rs, "decided_at"),
				reason == null ? null : Escalation.ReturnReason.valueOf(reason), rs.getString("decision_note"),
				vendorName == null ? null : new Escalation.Vendor(vendorName, rs.getString("vendor_reference"),
						Escalation.VendorStatus.valueOf(rs.getString("vendor_status")), instant(rs, "vendor_updated_at")));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return io.tierline.common.Rows.instant(rs, column);
	}
}
