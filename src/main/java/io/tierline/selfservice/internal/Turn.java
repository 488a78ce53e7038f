package io.tierline.selfservice.internal;

import java.util.List;

import io.tierline.selfservice.SuggestedAnswer;

/** One turn of a self-service conversation: the requester's words, or the assistant's with what it offered. */
public record Turn(String role, String text, List<SuggestedAnswer> answers) {

	static Turn requester(String text) {
		return new Turn("requester", text, List.of());
	}

	static Turn assistant(String text, List<SuggestedAnswer> answers) {
		return new Turn("assistant", text, answers);
	}
}
