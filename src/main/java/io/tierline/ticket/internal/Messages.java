package io.tierline.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.masking.SecretKind;
import io.tierline.ticket.MessageKind;
import io.tierline.ticket.Visibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Public replies and internal notes of tickets. */
@Repository
public class Messages {

	public enum State {
		SENT, HELD, REJECTED
	}

	/** {@code masked}: the kinds of secret masked in the body when it was stored (SPEC §6); empty when none. */
	public record Message(long id, long ticketId, long authorId, String authorEmail, String authorName, Visibility visibility,
			MessageKind kind, String body, State state, String reviewedBy, Instant reviewedAt, String reviewNote,
			Instant createdAt, List<SecretKind> masked) {
	}

	private static final String SELECT = """
			select m.id, m.ticket_id, m.author_id, a.email as author_email, a.name as author_name, m.visibility, m.kind, m.body,
			  m.masked_kinds, m.state, r.email as reviewed_by, m.reviewed_at, m.review_note, m.created_at
			from messages m join users a on a.id = m.author_id left join users r on r.id = m.reviewed_by
			""";

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param body already masked (see {@link SecretScreen}); {@code maskedKinds} says what was masked in it, may be null */
	long insert(long ticketId, long authorId, Visibility visibility, MessageKind kind, String body, String maskedKinds, State state,
			Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into messages (ticket_id, author_id, visibility, kind, body, masked_kinds, state, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ticketId, authorId, visibility.name(), kind == null ? null : kind.name(), body, maskedKinds, state.name(), at)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Message> find(long id) {
		return jdbc.sql(SELECT + " where m.id = ?").param(id).query(Messages::message).optional();
	}

	/** A page of a ticket's thread, oldest first; requesters get only what was sent to them. */
	public List<Message> thread(long ticketId, boolean publicOnly, long afterId, int limit) {
		String filter = publicOnly ? " and m.visibility = 'PUBLIC' and m.state = 'SENT'" : "";
		return jdbc.sql(SELECT + " where m.ticket_id = ? and m.id > ?" + filter + " order by m.id limit ?")
			.params(ticketId, afterId, limit).query(Messages::message).list();
	}

	void review(long id, State state, long reviewerId, String note, Instant at) {
		jdbc.sql("update messages set state = ?, reviewed_by = ?, review_note = ?, reviewed_at = ? where id = ? and state = 'HELD'")
			.params(state.name(), reviewerId, note, at, id).update();
	}

	/** Held replies of the given clients on the tickets the visibility lets through, oldest first. */
	List<Message> held(List<Long> clientIds, TicketVisibility visibility, int limit) {
		if (clientIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " join tickets t on t.id = m.ticket_id where m.state = 'HELD' and t.client_id in (:clients) and "
				+ visibility.sql() + " order by m.id limit :limit")
			.params(visibility.params()).param("clients", clientIds).param("limit", limit).query(Messages::message).list();
	}

	static Message message(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String kind = rs.getString("kind");
		return new Message(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("author_id"), rs.getString("author_email"),
				rs.getString("author_name"), Visibility.valueOf(rs.getString("visibility")),
				kind == null ? null : MessageKind.valueOf(kind), rs.getString("body"), State.valueOf(rs.getString("state")),
				rs.getString("reviewed_by"), Tickets.instant(rs, "reviewed_at"), rs.getString("review_note"),
				Tickets.instant(rs, "created_at"), SecretScreen.kinds(rs.getString("masked_kinds")));
	}
}
