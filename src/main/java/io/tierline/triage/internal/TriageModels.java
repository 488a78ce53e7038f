package io.tierline.triage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Model versions per client; the newest READY one is the client's active model. */
@Repository
public class TriageModels {

	/** A model version without its blob. */
	public record ModelVersion(long id, long clientId, int version, String status, double progress, String trigger,
			Integer examples, String labels, Double holdoutAccuracy, String message, Integer blobBytes, Instant createdAt,
			Instant finishedAt) {
	}

	private static final String COLUMNS = "id, client_id, version, status, progress, trigger_kind, examples, labels, "
			+ "holdout_accuracy, message, blob_bytes, created_at, finished_at";

	private final JdbcClient jdbc;
	private final Clock clock;

	TriageModels(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new QUEUED version numbered after the client's last one. */
	long queue(long clientId, String trigger, Long requestedBy) {
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from triage_models where client_id = ?").param(clientId)
			.query(Integer.class).single();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into triage_models (client_id, version, status, progress, trigger_kind, requested_by, created_at) "
				+ "values (?, ?, 'QUEUED', 0, ?, ?, ?)")
			.params(clientId, version, trigger, requestedBy, Rows.timestamp(clock.instant())).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A version QUEUED or TRAINING for the client, if any. */
	Optional<ModelVersion> unfinished(long clientId) {
		return jdbc.sql("select " + COLUMNS + " from triage_models where client_id = ? and status in ('QUEUED', 'TRAINING') order by id desc")
			.param(clientId).query(TriageModels::version).list().stream().findFirst();
	}

	void progress(long id, String status, double progress) {
		jdbc.sql("update triage_models set status = ?, progress = ? where id = ?").params(status, progress, id).update();
	}

	void ready(long id, int examples, String labels, Double holdoutAccuracy, byte[] blob) {
		jdbc.sql("update triage_models set status = 'READY', progress = 1, examples = ?, labels = ?, holdout_accuracy = ?, "
				+ "blob = ?, blob_bytes = ?, finished_at = ? where id = ?")
			.params(examples, labels, holdoutAccuracy, blob, blob.length, Rows.timestamp(clock.instant()), id).update();
	}

	void failed(long id, Integer examples, String message) {
		jdbc.sql("update triage_models set status = 'FAILED', examples = ?, message = ?, finished_at = ? where id = ?")
			.params(examples, message.length() > 500 ? message.substring(0, 500) : message, Rows.timestamp(clock.instant()), id)
			.update();
	}

	public Optional<ModelVersion> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from triage_models where id = ?").param(id).query(TriageModels::version).optional();
	}

	/** Newest first, keyset on id. */
	public List<ModelVersion> list(long clientId, Long beforeId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from triage_models where client_id = ? and id < ? order by id desc fetch first "
				+ limit + " rows only")
			.params(clientId, beforeId == null ? Long.MAX_VALUE : beforeId).query(TriageModels::version).list();
	}

	/** The client's active model: the newest READY version. */
	public Optional<ModelVersion> active(long clientId) {
		return jdbc.sql("select " + COLUMNS + " from triage_models where client_id = ? and status = 'READY' order by id desc "
				+ "fetch first 1 rows only").param(clientId).query(TriageModels::version).optional();
	}

	byte[] blob(long id) {
		return jdbc.sql("select blob from triage_models where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
	}

	private static ModelVersion version(ResultSet rs, int n) throws SQLException {
		return new ModelVersion(rs.getLong("id"), rs.getLong("client_id"), rs.getInt("version"), rs.getString("status"),
				rs.getDouble("progress"), rs.getString("trigger_kind"), (Integer) rs.getObject("examples", Integer.class),
				rs.getString("labels"), (Double) rs.getObject("holdout_accuracy", Double.class), rs.getString("message"),
				(Integer) rs.getObject("blob_bytes", Integer.class), Rows.instant(rs, "created_at"),
				Rows.instant(rs, "finished_at"));
	}
}
