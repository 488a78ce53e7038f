package io.tierline.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.common.Rows;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code import_jobs} table: one row per background import, its progress and its outcome. */
@Repository
class ImportJobRows {

	private static final TypeReference<List<ImportReport.LineError>> ERRORS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	ImportJobRows(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	long insert(long userId, String fileName, long totalBytes) {
		var keys = new GeneratedKeyHolder();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into import_jobs (started_by, file_name, total_bytes, status, created_at, updated_at)
				values (?, ?, ?, 'QUEUED', ?, ?)""")
			.params(userId, fileName, totalBytes, Rows.timestamp(now), Rows.timestamp(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void progress(long id, long readBytes, long lines, ImportReport.Tally tally) {
		ImportReport.Counts counts = tally.counts();
		jdbc.sql("""
				update import_jobs set status = 'RUNNING', read_bytes = ?, lines = ?, imported = ?, duplicates = ?,
				rejected = ?, updated_at = ? where id = ?""")
			.params(readBytes, lines, counts.imported(), counts.duplicates(), counts.rejected(), Rows.timestamp(clock.instant()), id)
			.update();
	}

	void done(long id, long readBytes, ImportReport report) {
		Instant now = clock.instant();
		jdbc.sql("""
				update import_jobs set status = 'DONE', read_bytes = ?, imported = ?, duplicates = ?, rejected = ?,
				errors = ?, updated_at = ?, finished_at = ? where id = ?""")
			.params(readBytes, report.imported(), report.duplicates(), report.rejected(),
					json.writeValueAsString(report.errors()), Rows.timestamp(now), Rows.timestamp(now), id)
			.update();
	}

	void failed(long id, String failure) {
		Instant now = clock.instant();
		String reason = failure == null ? "failed" : failure.length() > 1000 ? failure.substring(0, 1000) : failure;
		jdbc.sql("update import_jobs set status = 'FAILED', failure = ?, updated_at = ?, finished_at = ? where id = ?")
			.params(reason, Rows.timestamp(now), Rows.timestamp(now), id)
			.update();
	}

	Optional<ImportJob> find(long id, long userId) {
		return jdbc.sql("select * from import_jobs where id = ? and started_by = ?").params(id, userId).query(this::job).optional();
	}

	List<ImportJob> recent(long userId, int limit) {
		return jdbc.sql("select * from import_jobs where started_by = ? order by id desc fetch first ? rows only")
			.params(userId, limit)
			.query(this::job)
			.list();
	}

	private ImportJob job(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		Instant updated = Rows.instant(rs, "updated_at");
		String errors = rs.getString("errors");
		boolean stalled = !"DONE".equals(status) && !"FAILED".equals(status)
				&& updated.plus(ImportJob.STALL).isBefore(clock.instant());
		return new ImportJob(rs.getLong("id"), rs.getString("file_name"), rs.getLong("total_bytes"), rs.getLong("read_bytes"),
				rs.getLong("lines"), rs.getLong("imported"), rs.getLong("duplicates"), rs.getLong("rejected"), status,
				rs.getString("failure"), errors == null ? List.of() : json.readValue(errors, ERRORS), Rows.instant(rs, "created_at"),
				updated, Rows.instant(rs, "finished_at"), stalled);
	}
}
