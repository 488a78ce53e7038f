package io.tierline.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tierline.ticket.internal.Attachments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A ticket's thread, its text attachments and how solved tickets were resolved, for modules that
 * read them on an agent's behalf (agent assist). Reads without access checks: the caller has already
 * checked, through {@link TicketManagement#visible} and {@link TicketManagement#isStaffOn}, that the
 * agent works the ticket — or, for {@link #resolutions}, that the agent may see those tickets.
 */
@Service
public class TicketThreads {

	/** Types whose content is text throughout (the attachment store sniffs the content, not the name). */
	private static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/csv", "application/json", "application/xml");

	private final JdbcClient jdbc;
	private final Attachments attachments;

	TicketThreads(JdbcClient jdbc, Attachments attachments) {
		this.jdbc = jdbc;
		this.attachments = attachments;
	}

	/** @param fromRequester written by the ticket's requester (else by staff or an automation) */
	public record ThreadMessage(long id, String authorName, boolean fromRequester, Visibility visibility, Instant createdAt,
			String body) {
	}

	/** The newest {@code limit} messages that were sent (not held, not rejected), oldest first; internal notes included. */
	public List<ThreadMessage> newest(long ticketId, int limit) {
		List<ThreadMessage> newestFirst = jdbc.sql("""
				select m.id, u.name, m.author_id = t.requester_id as from_requester, m.visibility, m.created_at, m.body
				from messages m join tickets t on t.id = m.ticket_id join users u on u.id = m.author_id
				where m.ticket_id = ? and m.state = 'SENT' order by m.id desc limit ?""")
			.params(ticketId, limit)
			.query((rs, n) -> new ThreadMessage(rs.getLong(1), rs.getString(2), rs.getBoolean(3), Visibility.valueOf(rs.getString(4)),
					rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
		List<ThreadMessage> thread = new ArrayList<>(newestFirst);
		Collections.reverse(thread);
		return thread;
	}

	/**
	 * A solved ticket and how it was resolved: the last public reply that did not come from its
	 * requester ({@code by}, {@code at} and {@code body} are null when there is none).
	 */
	public record Resolution(long ticketId, String number, String subject, TicketStatus status, Instant solvedAt, String by,
			Instant at, String body) {
	}

	/** The tickets among {@code ticketIds} that exist, each with its resolution, in one query. */
	public Map<Long, Resolution> resolutions(Collection<Long> ticketIds) {
		if (ticketIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Resolution> byTicket = new LinkedHashMap<>();
		jdbc.sql("""
				select t.id, o.ticket_prefix, t.number, t.subject, t.status, t.solved_at, r.name, r.created_at, r.body
				from tickets t join organizations o on o.id = t.client_id
				left join (
				  select m.ticket_id, u.name, m.created_at, m.body,
				    row_number() over (partition by m.ticket_id order by m.id desc) as newest
				  from messages m join tickets s on s.id = m.ticket_id join users u on u.id = m.author_id
				  where m.ticket_id in (:ids) and m.visibility = 'PUBLIC' and m.state = 'SENT' and m.author_id <> s.requester_id
				) r on r.ticket_id = t.id and r.newest = 1
				where t.id in (:ids)""")
			.param("ids", ticketIds)
			.query(rs -> {
				long id = rs.getLong(1);
				byTicket.put(id, new Resolution(id, rs.getString(2) + "-" + rs.getLong(3), rs.getString(4),
						TicketStatus.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)), rs.getString(7), instant(rs.getTimestamp(8)),
						rs.getString(9)));
			});
		return byTicket;
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** An attachment whose content is text (a log, a CSV, JSON, XML). */
	public record TextFile(long id, String filename, String contentType, long sizeBytes, Instant createdAt) {
	}

	/** The ticket's text attachments, oldest first. */
	public List<TextFile> textFiles(long ticketId) {
		return attachments.ofTicket(ticketId, null).stream()
			.filter(a -> TEXT_TYPES.contains(a.contentType()))
			.map(a -> new TextFile(a.id(), a.filename(), a.contentType(), a.sizeBytes(), a.createdAt()))
			.toList();
	}

	/**
	 * The first {@code maxBytes} of a text attachment of the ticket, as UTF-8 (secrets were masked when
	 * it was stored); empty when the attachment is not a text file of this ticket.
	 */
	public Optional<String> readText(long ticketId, long attachmentId, int maxBytes) throws IOException {
		var attachment = attachments.find(attachmentId).filter(a -> a.ticketId() == ticketId && TEXT_TYPES.contains(a.contentType()));
		if (attachment.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = attachments.open(attachment.get())) {
			return Optional.of(new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8));
		}
	}
}
