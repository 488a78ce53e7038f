package io.tierline.triage;

import io.tierline.triage.internal.model.TriageEvalCommand;

/**
 * The {@code eval-triage} command line: trains the triage model on one labelled CSV and prints
 * one JSON line of its scores on another, without starting Spring, the web server or the database.
 */
public final class TriageEvaluation {

	public static final String COMMAND = "eval-triage";

	private TriageEvaluation() {
	}

	public static int run(String[] args) throws Exception {
		return new TriageEvalCommand(System.out, io.tierline.search.SentenceEmbeddings::embed).run(args);
	}
}
