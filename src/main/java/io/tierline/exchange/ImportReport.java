package io.tierline.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to an import (SPEC §14): how many tickets were imported, skipped as duplicates and
 * rejected, and why each rejected line was (the first {@value #MAX_ERRORS} of them).
 */
record ImportReport(long imported, long duplicates, long rejected, List<LineError> errors) {

	static final int MAX_ERRORS = 1000;

	record LineError(long line, String reason) {
	}

	record Counts(long imported, long duplicates, long rejected) {
	}

	/** Counts as the lines go by; batches are stored side by side, so every change holds the lock. */
	static final class Tally {

		long imported;
		long duplicates;
		long rejected;
		final List<LineError> errors = new ArrayList<>();

		synchronized void reject(long line, String reason) {
			rejected++;
			if (errors.size() < MAX_ERRORS) {
				errors.add(new LineError(line, reason));
			}
		}

		synchronized void duplicate() {
			duplicates++;
		}

		/** One more imported; @return how many are imported now */
		synchronized long countImported() {
			return ++imported;
		}

		/** The three counts at one moment (batches go on being stored meanwhile). */
		synchronized Counts counts() {
			return new Counts(imported, duplicates, rejected);
		}

		synchronized ImportReport report() {
			errors.sort(java.util.Comparator.comparingLong(LineError::line));
			return new ImportReport(imported, duplicates, rejected, List.copyOf(errors));
		}
	}
}
