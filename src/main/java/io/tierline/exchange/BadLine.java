package io.tierline.exchange;

/** Why one line of an import was rejected; the others go on (SPEC §14). */
class BadLine extends RuntimeException {

	BadLine(String reason) {
		super(reason, null, false, false);
	}
}
