package io.tierline.search.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.tierline.common.Rows;
import io.tierline.search.SearchDocument;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The durable feed of index changes ({@code search_index_log}) that every node follows. */
@Repository
public class IndexLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Rows of one multi-row insert of {@link #readAll} (two parameters a row, far below the drivers' limits). */
	private static final int ROWS_PER_INSERT = 500;

	private static final String INSERT_INTO = "insert into search_index_log (doc_type, doc_id, action, document, logged_at) values ";

	private static final String INSERT = INSERT_INTO + "(?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final java.util.List<Runnable> onAppend = new java.util.concurrent.CopyOnWriteArrayList<>();

	IndexLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Runs {@code listener} after a transaction that appended a change commits (this node follows at once). */
	public void onAppend(Runnable listener) {
		onAppend.add(listener);
	}

	/**
	 * One change. A delete has no document; an upsert usually carries it, but a bulk write's
	 * ({@link #readAll}) does not: the node reads it from its source when it applies the entry.
	 */
	public record Entry(long seq, SearchDocument.Type type, long docId, boolean delete, SearchDocument document, Instant loggedAt) {

		boolean readFromSource() {
			return !delete && document == null;
		}
	}

	public void upsert(SearchDocument document) {
		append(document.type(), document.id(), "UPSERT", JSON.writeValueAsString(document));
	}

	/**
	 * Upserts of {@code ids} without their documents, in multi-row inserts (a JDBC batch would still
	 * be one statement per row for the server): each node reads a document
	 * from its source when it applies the entry (one that is not searchable then is removed). A
	 * history import logs its tickets so, rather than reading back and writing again every text it
	 * has just stored while it is still writing.
	 */
	public void readAll(SearchDocument.Type type, List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		var loggedAt = Rows.timestamp(clock.instant());
		for (int from = 0; from < ids.size(); from += ROWS_PER_INSERT) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder(INSERT_INTO);
			List<Object> params = new java.util.ArrayList<>(chunk.size() + 1);
			for (int i = 0; i < chunk.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append("('").append(type.name()).append("', ?, 'UPSERT', null, ?)");
				params.add(chunk.get(i));
				params.add(loggedAt);
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
		appended();
	}

	public void delete(SearchDocument.Type type, long id) {
		append(type, id, "DELETE", null);
	}

	/** The next changes after {@code seq}, oldest first. */
	public List<Entry> after(long seq, int limit) {
		return jdbc.sql("select * from search_index_log where id > ? order by id limit ?").param(seq).param(limit)
			.query(IndexLog::entry).list();
	}

	/** The newest change's sequence number (0 when there is none). */
	public long head() {
		return jdbc.sql("select coalesce(max(id), 0) from search_index_log").query(Long.class).single();
	}

	/** The oldest kept change's sequence number (0 when the log is empty): a node behind it must rebuild. */
	public long oldest() {
		return jdbc.sql("select coalesce(min(id), 0) from search_index_log").query(Long.class).single();
	}

	/**
	 * Forgets changes logged before {@code before} that this node has applied ({@code upTo}),
	 * always keeping the newest row (its id is the head a node's watermark is compared with);
	 * returns how many.
	 */
	public int prune(Instant before, long upTo) {
		return jdbc.sql("""
				delete from search_index_log
				where logged_at < ? and id <= ? and id < (select max(id) from search_index_log)""")
			.param(Rows.timestamp(before)).param(upTo).update();
	}

	private void append(SearchDocument.Type type, long id, String action, String json) {
		jdbc.sql(INSERT).params(type.name(), id, action, json, Rows.timestamp(clock.instant())).update();
		appended();
	}

	private void appended() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					onAppend.forEach(Runnable::run);
				}
			});
		}
		else {
			onAppend.forEach(Runnable::run);
		}
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		String json = rs.getString("document");
		return new Entry(rs.getLong("id"), SearchDocument.Type.valueOf(rs.getString("doc_type")), rs.getLong("doc_id"),
				"DELETE".equals(rs.getString("action")), json == null ? null : JSON.readValue(json, SearchDocument.class),
				Rows.instant(rs, "logged_at"));
	}
}
