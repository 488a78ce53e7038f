package io.tierline.escalation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.common.Keyset;
import io.tierline.common.Tier;
import io.tierline.escalation.KnownIssueSummary;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketScope;
import io.tierline.ticket.TicketStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Links between known issues and tickets, and the issue's linked-ticket counter and threshold
 * flag. Every counter change is one conditional UPDATE of the issue's row: the row lock orders
 * concurrent links, so the count is exact and the threshold is claimed by exactly one of them.
 */
@Repository
public class KnownIssueLinks {

	private final JdbcClient jdbc;
	private final AccessManagement access;
	private final KnownIssues issues;

	KnownIssueLinks(JdbcClient jdbc, AccessManagement access, KnownIssues issues) {
		this.jdbc = jdbc;
		this.access = access;
		this.issues = issues;
	}

	/** A linked ticket as the issue's page lists it. */
	public record LinkedTicket(long ticketId, String ticket, String subject, TicketStatus status, Tier tier,
			Severity severity, Instant linkedAt) {
	}

	public record Page(List<LinkedTicket> items, String nextCursor) {
	}

	/** One link as the bulk reply walks them: whether the caller sees the ticket as staff, and whether the fix reply went out. */
	public record Target(long ticketId, String ticket, TicketStatus status, boolean visible, boolean alreadyReplied) {
	}

	/** @return false when the link already existed (linking is idempotent) */
	public boolean insert(long issueId, long ticketId, long linkedBy, Instant at) {
		return jdbc.sql("""
				insert into known_issue_links (known_issue_id, ticket_id, linked_by, linked_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(issueId, ticketId, linkedBy, at).update() == 1;
	}

	/** @return false when there was no such link */
	public boolean delete(long issueId, long ticketId) {
		return jdbc.sql("delete from known_issue_links where known_issue_id = ? and ticket_id = ?")
			.params(issueId, ticketId).update() == 1;
	}

	/** Counts a new link; the row stays locked by this transaction until it commits. */
	public void countUp(long issueId) {
		jdbc.sql("update known_issues set linked_count = linked_count + 1 where id = ?").param(issueId).update();
	}

	/** Counts a removed link; dropping below the threshold re-arms the notification. */
	public void countDown(long issueId, int threshold) {
		jdbc.sql("""
				update known_issues set linked_count = linked_count - 1,
				  threshold_notified = case when linked_count - 1 < ? then false else threshold_notified end
				where id = ?""")
			.params(threshold, issueId).update();
	}

	/**
	 * Claims the threshold notification: true for exactly one caller per crossing, and only while
	 * the issue is not fixed and its count has reached the threshold.
	 */
	public boolean claimThresholdNotice(long issueId, int threshold) {
		return jdbc.sql("""
				update known_issues set threshold_notified = true
				where id = ? and threshold_notified = false and status <> 'FIXED' and linked_count >= ?""")
			.params(issueId, threshold).update() == 1;
	}

	/** A fixed issue notifies no one; were it to regress (reopened), its count notifies afresh. */
	public void disarmThreshold(long issueId) {
		jdbc.sql("update known_issues set threshold_notified = false where id = ?").param(issueId).update();
	}

	/** The fix is new: every linked ticket may receive the bulk reply about it again. */
	public void forgetFixReplies(long issueId) {
		jdbc.sql("update known_issue_links set fix_reply_at = null where known_issue_id = ? and fix_reply_at is not null")
			.param(issueId).update();
	}

	/** @return true for exactly one caller: the one whose transaction sends the fix reply to this ticket */
	public boolean claimFixReply(long issueId, long ticketId, Instant at) {
		return jdbc.sql("""
				update known_issue_links set fix_reply_at = ? where known_issue_id = ? and ticket_id = ? and fix_reply_at is null""")
			.params(at, issueId, ticketId).update() == 1;
	}

	public int count(long issueId) {
		return jdbc.sql("select linked_count from known_issues where id = ?").param(issueId).query(Integer.class).single();
	}

	/** Linked tickets that are not solved or closed, for the "fixed" event (once per fix, not per read). */
	public int openLinked(long issueId) {
		return jdbc.sql("""
				select count(*) from known_issue_links l join tickets t on t.id = l.ticket_id
				where l.known_issue_id = ? and t.status not in ('SOLVED', 'CLOSED')""")
			.param(issueId).query(Integer.class).single();
	}

	/** The issue's linked tickets within the caller's scope, newest link first. */
	public Page tickets(long issueId, TicketScope scope, Keyset after, int limit) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("kiIssue", issueId);
		StringBuilder sql = new StringBuilder("""
				select t.id, t.client_id, t.number, t.subject, t.status, t.tier, t.severity, l.linked_at
				from known_issue_links l join tickets t on t.id = l.ticket_id
				where l.known_issue_id = :kiIssue""").append(" and ").append(scope.sql());
		if (after != null) {
			sql.append(" and (l.linked_at < :kiAt or (l.linked_at = :kiAt and l.ticket_id < :kiTicket))");
			params.put("kiAt", after.at());
			params.put("kiTicket", after.id());
		}
		sql.append(" order by l.linked_at desc, l.ticket_id desc limit ").append(limit + 1);
		List<LinkedTicket> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new LinkedTicket(rs.getLong("id"), number(rs.getLong("client_id"), rs.getLong("number")),
					rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")), Tier.valueOf(rs.getString("tier")),
					Severity.valueOf(rs.getString("severity")), KnownIssues.instant(rs, "linked_at")))
			.list());
		String next = null;
		if (rows.size() > limit) {
			rows = rows.subList(0, limit);
			LinkedTicket last = rows.get(limit - 1);
			next = new Keyset(last.linkedAt(), last.ticketId()).encode();
		}
		return new Page(List.copyOf(rows), next);
	}

	/** A page of the issue's links by ticket id, each marked with whether the scope lets the caller see it. */
	public List<Target> targets(long issueId, TicketScope scope, long afterTicketId, int limit) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("kiIssue", issueId);
		params.put("kiAfter", afterTicketId);
		String sql = "select t.id, t.client_id, t.number, t.status, l.fix_reply_at, case when " + scope.sql()
				+ " then 1 else 0 end as visible from known_issue_links l join tickets t on t.id = l.ticket_id"
				+ " where l.known_issue_id = :kiIssue and l.ticket_id > :kiAfter order by l.ticket_id limit " + limit;
		return jdbc.sql(sql).params(params)
			.query((rs, n) -> new Target(rs.getLong("id"), number(rs.getLong("client_id"), rs.getLong("number")),
					TicketStatus.valueOf(rs.getString("status")), rs.getInt("visible") == 1, rs.getObject("fix_reply_at") != null))
			.list();
	}

	/** The known issues a ticket is linked to, most recently linked first. */
	public List<KnownIssueSummary> ofTicket(long ticketId) {
		return jdbc.sql("""
				select k.id, k.client_id, k.title, k.status, k.fixed_in_version, p.slug as product, k.linked_count, k.updated_at
				from known_issue_links l join known_issues k on k.id = l.known_issue_id left join products p on p.id = k.product_id
				where l.ticket_id = ? order by l.linked_at desc, k.id desc limit 100""")
			.param(ticketId).query(issues::summaryRow).list();
	}

	public List<Long> issueIdsOf(long ticketId) {
		return jdbc.sql("select known_issue_id from known_issue_links where ticket_id = ?").param(ticketId).query(Long.class).list();
	}

	private String number(long clientId, long number) {
		return access.organization(clientId).ticketPrefix() + "-" + number;
	}
}
