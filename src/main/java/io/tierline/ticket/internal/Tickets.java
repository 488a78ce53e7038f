package io.tierline.ticket.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.tierline.common.ConflictException;
import io.tierline.common.Tier;
import io.tierline.ticket.Channel;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tickets table: the aggregate in, the aggregate out, with an optimistic version check. */
@Repository
public class Tickets {

	private final JdbcClient jdbc;
	private final TicketEventStore eventStore;

	Tickets(JdbcClient jdbc, TicketEventStore eventStore) {
		this.jdbc = jdbc;
		this.eventStore = eventStore;
	}

	public Optional<Ticket> find(long id) {
		return jdbc.sql("select * from tickets where id = ?").param(id).query(Tickets::ticket).optional();
	}

	public Optional<Ticket> findByNumber(long clientId, long number) {
		return jdbc.sql("select * from tickets where client_id = ? and number = ?").params(clientId, number)
			.query(Tickets::ticket).optional();
	}

	public Ticket insert(Ticket t, String externalId) {
		insertRow(t, externalId, null, null);
		appendEvents(t);
		return t;
	}

	/** SPEC §6: which kinds of secret were masked in the subject (a masked_kinds column value). */
	void subjectMasked(long id, String maskedKinds) {
		jdbc.sql("update tickets set masked_kinds = ? where id = ?").params(maskedKinds, id).update();
	}

	/** Writes the row only; the recorded events wait for {@link #appendEvents}, so they go in one batch. */
	void insertRow(Ticket t, String externalId, Long productId, String customFieldsJson) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into tickets (client_id, number, requester_id, subject, channel, severity, category_id, tier, queue_id,
				  assignee_id, status, follow_up_of, external_id, created_at, updated_at, solved_at, product_id, custom_fields, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(t.clientId(), t.number(), t.requesterId(), t.subject(), t.channel().name(), t.severity().name(),
					t.categoryId(), t.tier().name(), t.queueId(), t.assigneeId(), t.status().name(), t.followUpOf(), externalId,
					t.createdAt(), t.updatedAt(), t.solvedAt(), productId, customFieldsJson)
			.update(keys, "id");
		t.assignId(keys.getKey().longValue());
	}

	/** Saves the changes and the events they recorded; refuses a concurrent change. */
	public void update(Ticket t) {
		int changed = jdbc.sql("""
				update tickets set severity = ?, category_id = ?, tier = ?, queue_id = ?, assignee_id = ?, status = ?,
				  updated_at = ?, solved_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(t.severity().name(), t.categoryId(), t.tier().name(), t.queueId(), t.assigneeId(), t.status().name(),
					t.updatedAt(), t.solvedAt(), t.id(), t.version())
			.update();
		if (changed == 0) {
			throw new ConflictException("version", "The ticket was changed by someone else at the same moment; reload and retry");
		}
		t.versionSaved();
		eventStore.append(t.id(), t.clientId(), t.drainEvents());
	}

	/** Stores events recorded after the row was written, when nothing on the row itself changed. */
	void appendEvents(Ticket t) {
		eventStore.append(t.id(), t.clientId(), t.drainEvents());
	}

	public void replaceTags(long ticketId, Collection<String> tags) {
		jdbc.sql("delete from ticket_tags where ticket_id = ?").param(ticketId).update();
		for (String tag : tags) {
			jdbc.sql("insert into ticket_tags (ticket_id, tag) values (?, ?)").params(ticketId, tag).update();
		}
	}

	public List<String> tags(long ticketId) {
		return jdbc.sql("select tag from ticket_tags where ticket_id = ? order by tag").param(ticketId).query(String.class).list();
	}

	static Ticket ticket(ResultSet rs, int row) throws SQLException {
		return new Ticket(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("number"), rs.getLong("requester_id"),
				rs.getString("subject"), Channel.valueOf(rs.getString("channel")), Severity.valueOf(rs.getString("severity")),
				rs.getObject("category_id", Long.class), Tier.valueOf(rs.getString("tier")), rs.getObject("queue_id", Long.class),
				rs.getObject("assignee_id", Long.class), TicketStatus.valueOf(rs.getString("status")),
				rs.getObject("follow_up_of", Long.class), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "solved_at"), rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return io.tierline.common.Rows.instant(rs, column);
	}
}
