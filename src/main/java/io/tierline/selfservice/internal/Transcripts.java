package io.tierline.selfservice.internal;

import java.util.List;

/** A session written out for the ticket it becomes: every turn, and under the assistant's turns what it offered. */
final class Transcripts {

	private Transcripts() {
	}

	static String asText(List<Turn> turns) {
		var text = new StringBuilder("Asked through self-service before this request. The conversation:\n");
		for (Turn t : turns) {
			text.append('\n').append(t.role().equals("requester") ? "Requester: " : "Assistant: ").append(t.text()).append('\n');
			t.answers().forEach(a -> text.append("  - shown ").append(a.kind().toLowerCase()).append(" \"").append(a.title())
				.append("\" ").append(a.url()).append('\n'));
		}
		return text.toString();
	}
}
