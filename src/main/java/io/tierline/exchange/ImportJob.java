package io.tierline.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An import running in the background (SPEC §14): where it is in its file and the counts so far.
 * {@code stalled} says a running job has not moved for {@link #STALL}: its node stopped, and since
 * an import is idempotent the file can simply be imported again.
 */
record ImportJob(long id, String fileName, long totalBytes, long readBytes, long lines, long imported, long duplicates,
		long rejected, String status, String failure, List<ImportReport.LineError> errors, Instant createdAt,
		Instant updatedAt, Instant finishedAt, boolean stalled) {

	static final Duration STALL = Duration.ofMinutes(2);

	/** Share of the file read, 0–100; 100 only once the job is finished. */
	@JsonProperty
	public int percent() {
		if (finished()) {
			return 100;
		}
		return totalBytes == 0 ? 0 : (int) Math.min(99, readBytes * 100 / totalBytes);
	}

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}
}
