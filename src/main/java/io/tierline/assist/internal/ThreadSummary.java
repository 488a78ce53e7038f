package io.tierline.assist.internal;

import java.time.Instant;
import java.util.List;

/**
 * The sentences of a thread that say most about it, in the order they were written.
 *
 * @param longThread whether the thread is long enough for a summary to save reading (else the lines are most of it)
 */
public record ThreadSummary(int messages, int characters, boolean longThread, List<Line> lines) {

	public record Line(long messageId, String author, boolean fromRequester, Instant at, String text) {
	}

	/** The summary as plain text (for an internal note). */
	public String asText() {
		var text = new StringBuilder("Summary of the thread (").append(messages).append(" messages):\n");
		lines.forEach(l -> text.append("- ").append(l.author()).append(": ").append(l.text()).append('\n'));
		return text.toString().strip();
	}
}
