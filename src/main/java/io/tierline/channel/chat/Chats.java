package io.tierline.channel.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The chats and their lines. A state change names the state it expects, so two agents never both accept a chat. */
@Repository
class Chats {

	private static final String COLUMNS = "id, client_id, visitor_name, visitor_email, state, requested_at, offered_at, "
			+ "accepted_at, ended_at, agent_id, ticket_id";

	private final JdbcClient jdbc;

	Chats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long clientId, String tokenHash, String name, String email, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into chats (client_id, token_hash, visitor_name, visitor_email, state, requested_at)
				values (?, ?, ?, ?, 'WAITING', ?)""")
			.params(clientId, tokenHash, name, email, at).update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Chat> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from chats where id = ?").param(id).query(Chats::chat).optional();
	}

	Optional<Chat> findByToken(String tokenHash) {
		return jdbc.sql("select " + COLUMNS + " from chats where token_hash = ?").param(tokenHash).query(Chats::chat).optional();
	}

	/** @return false when the chat was no longer in {@code expected} (somebody else changed it first) */
	boolean update(Chat chat, Chat.State expected) {
		return jdbc.sql("""
				update chats set state = ?, accepted_at = ?, ended_at = ?, agent_id = ?, ticket_id = ?
				where id = ? and state = ?""")
			.params(chat.state().name(), chat.acceptedAt(), chat.endedAt(), chat.agentId(), chat.ticketId(), chat.id(),
					expected.name())
			.update() == 1;
	}

	/** Chats of these clients in this state, oldest first, after the keyset {@code afterId}. */
	List<Chat> inState(Collection<Long> clientIds, Chat.State state, long afterId, int limit) {
		if (clientIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from chats where client_id in (:clients) and state = :state and id > :after "
				+ "order by id limit :limit")
			.param("clients", clientIds).param("state", state.name()).param("after", afterId).param("limit", limit)
			.query(Chats::chat).list();
	}

	List<Chat> activeOf(long agentId) {
		return jdbc.sql("select " + COLUMNS + " from chats where state = 'ACTIVE' and agent_id = ? order by id")
			.param(agentId).query(Chats::chat).list();
	}

	/** Waiting chats past their wait that have not been offered the message path yet. */
	List<Chat> waitingSince(Instant before) {
		return jdbc.sql("select " + COLUMNS + " from chats where state = 'WAITING' and offered_at is null and requested_at <= ? "
				+ "order by requested_at limit 500")
			.param(before).query(Chats::chat).list();
	}

	/** @return true for the one caller (of any node) that marked it */
	boolean markOffered(long id, Instant at) {
		return jdbc.sql("update chats set offered_at = ? where id = ? and offered_at is null").params(at, id).update() == 1;
	}

	long addLine(long chatId, ChatLine.Author author, Long authorId, String body, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into chat_lines (chat_id, author, author_id, body, written_at) values (?, ?, ?, ?, ?)")
			.params(chatId, author.name(), authorId, body, at).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A chat's transcript; a chat is short-lived, so its lines are read whole (capped). */
	List<ChatLine> lines(long chatId) {
		return jdbc.sql("select id, chat_id, author, author_id, body, written_at from chat_lines where chat_id = ? order by id limit 2000")
			.param(chatId).query(Chats::line).list();
	}

	private static Chat chat(ResultSet rs, int row) throws SQLException {
		return new Chat(rs.getLong("id"), rs.getLong("client_id"), rs.getString("visitor_name"), rs.getString("visitor_email"),
				Chat.State.valueOf(rs.getString("state")), Rows.instant(rs, "requested_at"), Rows.instant(rs, "offered_at"),
				Rows.instant(rs, "accepted_at"), Rows.instant(rs, "ended_at"), rs.getObject("agent_id", Long.class),
				rs.getObject("ticket_id", Long.class));
	}

	private static ChatLine line(ResultSet rs, int row) throws SQLException {
		return new ChatLine(rs.getLong("id"), rs.getLong("chat_id"), ChatLine.Author.valueOf(rs.getString("author")),
				rs.getObject("author_id", Long.class), rs.getString("body"), Rows.instant(rs, "written_at"));
	}
}
