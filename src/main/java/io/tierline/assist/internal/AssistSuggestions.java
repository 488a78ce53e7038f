package io.tierline.assist.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The suggestions made on tickets and their use: one row per ticket, kind and target. */
@Repository
class AssistSuggestions {

	private final JdbcClient jdbc;

	AssistSuggestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param content may be null */
	record Offer(SuggestionKind kind, String target, String content) {

		String key() {
			return kind.name() + ":" + target;
		}
	}

	record Suggestion(long id, long clientId, long ticketId, SuggestionKind kind, String target, String content, Instant usedAt) {
	}

	/**
	 * Records that the offers were shown on the ticket now (a new row, or one more showing of the same
	 * suggestion) and returns each offer's suggestion id by {@link Offer#key()}. Three statements however many offers.
	 */
	Map<String, Long> shown(long clientId, long ticketId, List<Offer> offers, long agentId, Instant at) {
		if (offers.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = existing(ticketId);
		List<Long> again = new ArrayList<>();
		List<Object[]> fresh = new ArrayList<>();
		for (Offer o : offers) {
			Long id = ids.get(o.key());
			if (id != null) {
				again.add(id);
			}
			else {
				fresh.add(new Object[] { clientId, ticketId, o.kind().name(), o.target(), o.content(), agentId, at, at });
			}
		}
		if (!again.isEmpty()) {
			jdbc.sql("update assist_suggestions set times_shown = times_shown + 1, last_shown_at = :at where id in (:ids)")
				.param("at", at).param("ids", again).update();
		}
		if (!fresh.isEmpty()) {
			// two agents on one ticket at once: the second insert of a suggestion is skipped, the re-read finds it
			String row = "(?, ?, ?, ?, ?, ?, ?, ?)";
			String sql = "insert into assist_suggestions (client_id, ticket_id, kind, target, content, first_shown_to, first_shown_at, last_shown_at) values "
					+ String.join(", ", java.util.Collections.nCopies(fresh.size(), row))
					+ " on conflict do nothing";
			List<Object> params = new ArrayList<>();
			fresh.forEach(r -> params.addAll(java.util.Arrays.asList(r)));
			jdbc.sql(sql).params(params).update();
			ids = existing(ticketId);
		}
		return ids;
	}

	private Map<String, Long> existing(long ticketId) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select id, kind, target from assist_suggestions where ticket_id = ?").param(ticketId)
			.query(rs -> {
				ids.put(rs.getString(2) + ":" + rs.getString(3), rs.getLong(1));
			});
		return ids;
	}

	Optional<Suggestion> find(long id) {
		return jdbc.sql("select id, client_id, ticket_id, kind, target, content, used_at from assist_suggestions where id = ?").param(id)
			.query((rs, n) -> new Suggestion(rs.getLong(1), rs.getLong(2), rs.getLong(3), SuggestionKind.valueOf(rs.getString(4)),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.optional();
	}

	/** @return false when it had been used already (the first use is the one counted) */
	boolean markUsed(long id, long agentId, Instant at) {
		return jdbc.sql("update assist_suggestions set used_by = ?, used_at = ? where id = ? and used_at is null")
			.params(agentId, at, id).update() == 1;
	}

	record KindUsage(SuggestionKind kind, long suggestions, long used, long timesShown) {
	}

	/** Per kind, the client's suggestions first shown from {@code from} (inclusive) to {@code to} (exclusive) and how many of them were used. */
	List<KindUsage> usage(long clientId, Instant from, Instant to) {
		return jdbc.sql("""
				select kind, count(*), count(used_at), sum(times_shown) from assist_suggestions
				where client_id = ? and first_shown_at >= ? and first_shown_at < ? group by kind""")
			.params(clientId, from, to)
			.query((rs, n) -> new KindUsage(SuggestionKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}
}
