package io.tierline.assist.internal;

import java.util.List;

/**
 * What a text log says went wrong, in a few lines.
 *
 * @param lines lines read
 * @param errorLines how many lines reported an error
 * @param firstErrors the first distinct error lines (numbers masked when comparing, so a repeated line shows once)
 * @param exceptions exception types by how often they were thrown, most first
 * @param stackTraces the first stack traces: the exception, its message, its top frames and what caused it
 * @param httpStatuses HTTP error statuses (400–599) by how often they occur
 * @param errorCodes error codes (ORA-00942, 0x80070005, ECONNREFUSED, AADSTS50126 …) by how often they occur
 * @param firstFailure the first error line and its time, or null when no line reported an error
 * @param truncated the log was longer than what was read
 */
public record LogDigest(int lines, int errorLines, List<ErrorLine> firstErrors, List<Counted> exceptions, List<StackTrace> stackTraces,
		List<Counted> httpStatuses, List<Counted> errorCodes, FirstFailure firstFailure, boolean truncated) {

	/** @param line 1-based line number of the first occurrence; {@code repeats} counts every occurrence */
	public record ErrorLine(int line, String text, int repeats) {
	}

	public record Counted(String name, int count) {
	}

	/** @param message may be null; {@code causes} are the "Caused by" exceptions, outermost first */
	public record StackTrace(int line, String exception, String message, List<String> frames, List<String> causes) {
	}

	/**
	 * @param timestamp the time as written in the log, or null when no time was found at or before the line
	 * @param at the time as an instant when it could be read (a time without a zone is taken as UTC), else null
	 */
	public record FirstFailure(int line, String text, String timestamp, java.time.Instant at) {
	}

	public boolean isEmpty() {
		return errorLines == 0 && exceptions.isEmpty() && httpStatuses.isEmpty() && errorCodes.isEmpty();
	}

	/** The digest as a few lines of plain text (for an internal note or the escalation's error messages). */
	public String asText(String source) {
		var text = new StringBuilder("Log digest of ").append(source).append(": ").append(errorLines).append(" error lines in ")
			.append(lines).append(" lines").append(truncated ? " (only the start was read)" : "").append('\n');
		if (firstFailure != null) {
			text.append("First failure").append(firstFailure.timestamp() == null ? "" : " at " + firstFailure.timestamp())
				.append(" (line ").append(firstFailure.line()).append("): ").append(firstFailure.text()).append('\n');
		}
		appendCounts(text, "Exceptions", exceptions);
		appendCounts(text, "HTTP statuses", httpStatuses);
		appendCounts(text, "Error codes", errorCodes);
		for (StackTrace trace : stackTraces) {
			text.append("Stack trace at line ").append(trace.line()).append(": ").append(trace.exception())
				.append(trace.message() == null ? "" : ": " + trace.message()).append('\n');
			trace.frames().forEach(f -> text.append("    at ").append(f).append('\n'));
			trace.causes().forEach(c -> text.append("  caused by ").append(c).append('\n'));
		}
		return text.toString().strip();
	}

	private static void appendCounts(StringBuilder text, String title, List<Counted> counts) {
		if (!counts.isEmpty()) {
			text.append(title).append(": ");
			text.append(String.join(", ", counts.stream().map(c -> c.name() + " ×" + c.count()).toList())).append('\n');
		}
	}
}
