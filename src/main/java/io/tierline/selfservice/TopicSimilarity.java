package io.tierline.selfservice;

/**
 * How alike two descriptions of a problem are, from 0 (unrelated) to 1 (the same): decides whether a
 * contact after a deflection is on the same topic (SPEC §7 deflection accuracy).
 */
public interface TopicSimilarity {

	double similarity(String a, String b);

	/** The score from which two texts are taken to be on the same topic. */
	double sameTopicThreshold();
}
