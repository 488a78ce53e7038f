package io.tierline.exchange;

/** Told after each stored batch of an import: how many lines were read and the counts so far. */
@FunctionalInterface
interface ImportProgress {

	ImportProgress NONE = (lines, tally) -> {
	};

	void stored(long lines, ImportReport.Tally tally);
}
