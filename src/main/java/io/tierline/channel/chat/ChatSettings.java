package io.tierline.channel.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which clients offer chat, and from which web pages the widget may connect. */
@Repository
class ChatSettings {

	/** {@code origins} empty: any page may embed the widget. */
	record Setting(long clientId, boolean enabled, List<String> origins) {

		/** A browser always sends Origin on a WebSocket handshake; a missing one is a non-browser client. */
		boolean allows(String origin) {
			return enabled && (origins.isEmpty() || origin == null || origins.contains(origin));
		}
	}

	private final JdbcClient jdbc;

	ChatSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Setting> of(long clientId) {
		return jdbc.sql("select enabled, allowed_origins from chat_settings where client_id = ?").param(clientId)
			.query((rs, n) -> new Setting(clientId, rs.getBoolean(1), origins(rs.getString(2)))).optional();
	}

	void save(long clientId, boolean enabled, List<String> origins) {
		String joined = origins.isEmpty() ? null : String.join(" ", origins);
		if (jdbc.sql("update chat_settings set enabled = ?, allowed_origins = ? where client_id = ?")
			.params(enabled, joined, clientId).update() == 0) {
			jdbc.sql("insert into chat_settings (client_id, enabled, allowed_origins) values (?, ?, ?)")
				.params(clientId, enabled, joined).update();
		}
	}

	private static List<String> origins(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.trim().split("\\s+")).toList();
	}
}
