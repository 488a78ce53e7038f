package io.tierline.triage.internal;

import java.time.Clock;

import io.tierline.common.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-client triage settings; a client without a row has the defaults. */
@Repository
public class TriageSettings {

	public static final double DEFAULT_THRESHOLD = 0.8;
	public static final int DEFAULT_MIN_EXAMPLES = 30;

	/** Confidence at or above which a suggestion is applied; solved tickets needed for a model. */
	public record Settings(long clientId, double threshold, boolean autoApply, int minExamples) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	TriageSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Settings of(long clientId) {
		return jdbc.sql("select threshold, auto_apply, min_examples from triage_settings where client_id = ?").param(clientId)
			.query((rs, n) -> new Settings(clientId, rs.getDouble(1), rs.getBoolean(2), rs.getInt(3))).optional()
			.orElse(new Settings(clientId, DEFAULT_THRESHOLD, true, DEFAULT_MIN_EXAMPLES));
	}

	void save(Settings s) {
		int updated = jdbc.sql("update triage_settings set threshold = ?, auto_apply = ?, min_examples = ?, updated_at = ? where client_id = ?")
			.params(s.threshold(), s.autoApply(), s.minExamples(), Rows.timestamp(clock.instant()), s.clientId()).update();
		if (updated == 0) {
			jdbc.sql("insert into triage_settings (client_id, threshold, auto_apply, min_examples, updated_at) values (?, ?, ?, ?, ?)")
				.params(s.clientId(), s.threshold(), s.autoApply(), s.minExamples(), Rows.timestamp(clock.instant())).update();
		}
	}
}
