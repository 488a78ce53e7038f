package io.tierline.escalation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.common.InputCheck;
import io.tierline.common.Keyset;
import io.tierline.common.Tier;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Escalations waiting on a tier, oldest first (the T3 inbox), limited to tickets the caller
 * works: the ticket module's staff scope is joined in, so nothing outside the grants appears.
 */
@Service
public class EscalationInbox {

	private final JdbcClient jdbc;
	private final Escalations escalations;
	private final TicketManagement tickets;
	private final AccessManagement access;
	private final CategoryPolicies policies;

	EscalationInbox(JdbcClient jdbc, Escalations escalations, TicketManagement tickets, AccessManagement access,
			CategoryPolicies policies) {
		this.policies = policies;
		this.jdbc = jdbc;
		this.escalations = escalations;
		this.tickets = tickets;
		this.access = access;
	}

	/** An escalation with the ticket facts an inbox row shows. */
	public record Item(Escalation escalation, String ticketNumber, String subject, String severity, String criterion,
			Map<String, String> labels) {
	}

	public record Page(List<Item> items, String nextCursor) {
	}

	/**
	 * @param state PENDING by default
	 * @param toTier T3 by default
	 */
	public Page list(Caller caller, String state, String toTier, String client, Keyset after, int limit) {
		var check = new InputCheck();
		Escalation.State s = check.enumValue(state, Escalation.State.class, "state", Escalation.State.PENDING);
		Tier tier = check.enumValue(toTier, Tier.class, "toTier", Tier.T3);
		var clientRef = check.lookup(client, access::clientBySlug, "client", "client");
		Long clientId = clientRef == null ? null : clientRef.id();
		check.throwIfInvalid();
		TicketScope scope = tickets.staffScope(caller);
		Map<String, Object> params = new HashMap<>(scope.params());
		StringBuilder sql = new StringBuilder("""
				select e.*, ub.email as escalated_by_email, ud.email as decided_by_email, t.number as ticket_number,
				  t.subject as ticket_subject, t.severity as ticket_severity, t.category_id as ticket_category, c.name as criterion_name
				from escalations e join tickets t on t.id = e.ticket_id
				join users ub on ub.id = e.escalated_by left join users ud on ud.id = e.decided_by
				join escalation_criteria c on c.id = e.criterion_id
				where e.state = :state and e.to_tier = :tier and """).append(scope.sql());
		params.put("state", s.name());
		params.put("tier", tier.name());
		if (clientId != null) {
			sql.append(" and e.client_id = :client");
			params.put("client", clientId);
		}
		if (after != null) {
			sql.append(" and (e.escalated_at > :afterAt or (e.escalated_at = :afterAt and e.id > :afterId))");
			params.put("afterAt", after.at());
			params.put("afterId", after.id());
		}
		sql.append(" order by e.escalated_at, e.id limit ").append(limit + 1);
		Map<Long, Map<String, String>> labelsByCategory = new HashMap<>();
		List<Item> items = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			Escalation e = escalations.escalation(rs, n);
			String prefix = access.organization(e.clientId()).ticketPrefix();
			Long category = rs.getObject("ticket_category") == null ? null : rs.getLong("ticket_category");
			Map<String, String> labels = labelsByCategory.computeIfAbsent(category == null ? -e.clientId() : category,
					k -> labels(e.clientId(), category));
			return new Item(e, prefix + "-" + rs.getLong("ticket_number"), rs.getString("ticket_subject"),
					rs.getString("ticket_severity"), rs.getString("criterion_name"), labels);
		}).list());
		String next = null;
		if (items.size() > limit) {
			items = items.subList(0, limit);
			Escalation last = items.get(limit - 1).escalation();
			next = new Keyset(last.escalatedAt(), last.id()).encode();
		}
		return new Page(items, next);
	}

	private Map<String, String> labels(long clientId, Long categoryId) {
		Map<String, String> labels = new HashMap<>();
		policies.of(clientId, categoryId).template().fields().forEach(f -> labels.put(f.key(), f.label()));
		return labels;
	}
}
