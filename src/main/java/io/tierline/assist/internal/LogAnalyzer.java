package io.tierline.assist.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import io.tierline.assist.internal.LogDigest.Counted;
import io.tierline.assist.internal.LogDigest.ErrorLine;
import io.tierline.assist.internal.LogDigest.FirstFailure;
import io.tierline.assist.internal.LogDigest.StackTrace;

/**
 * Reads a text log once, line by line, into a {@link LogDigest}: error lines, exception types and
 * stack traces (Java, .NET, Python), HTTP error statuses, error codes and the first failure's time.
 * Linear in the log's length; not thread-safe (one analyser per log).
 */
final class LogAnalyzer {

	static final int MAX_LINE = 2_000;
	static final int FIRST_ERRORS = 10;
	static final int STACK_TRACES = 3;
	static final int FRAMES = 5;
	static final int TOP_COUNTS = 10;

	private int lineNumber;
	private int errorLines;
	private String lastTimestamp;
	private FirstFailure firstFailure;
	private final Map<String, ErrorLine> firstErrors = new LinkedHashMap<>();
	private final Map<String, Integer> exceptions = new HashMap<>();
	private final Map<String, Integer> statuses = new HashMap<>();
	private final Map<String, Integer> codes = new HashMap<>();
	private final List<StackTrace> traces = new ArrayList<>();
	private TraceBuilder trace;
	private final StringBuilder errorText = new StringBuilder();

	/** @param truncated whether {@code text} is only the start of the log */
	static LogDigest analyse(String text, boolean truncated) {
		return analyseWithErrors(text, truncated).digest();
	}

	/** @param errorText the distinct error lines, at most {@value #ERROR_TEXT} characters (for matching signatures) */
	record Analysis(LogDigest digest, String errorText) {
	}

	static final int ERROR_TEXT = 20_000;

	static Analysis analyseWithErrors(String text, boolean truncated) {
		var analyzer = new LogAnalyzer();
		text.lines().forEach(analyzer::read);
		return new Analysis(analyzer.digest(truncated), analyzer.errorText.toString());
	}

	private void read(String raw) {
		lineNumber++;
		String line = raw.length() > MAX_LINE ? raw.substring(0, MAX_LINE) : raw;
		String time = LogPatterns.timestamp(line);
		if (time != null) {
			lastTimestamp = time;
		}
		if (continuesTrace(line)) {
			return;
		}
		boolean exceptionHead = startsTrace(line);
		LogPatterns.httpStatuses(line).forEach(s -> statuses.merge(String.valueOf(s), 1, Integer::sum));
		boolean error = exceptionHead || isErrorLine(line);
		if (error) {
			errorLines++;
			LogPatterns.errorCodes(line).forEach(c -> codes.merge(c, 1, Integer::sum));
			if (!exceptionHead) {
				Matcher m = LogPatterns.EXCEPTION_ANYWHERE.matcher(line);
				while (m.find()) {
					exceptions.merge(m.group(1), 1, Integer::sum);
				}
			}
			remember(line.strip(), time);
		}
	}

	private boolean isErrorLine(String line) {
		if (LogPatterns.ERROR_LEVEL.matcher(line).find()) {
			return true;
		}
		if (LogPatterns.OTHER_LEVEL.matcher(line).find()) {
			return false;
		}
		List<Integer> statusesOfLine = LogPatterns.httpStatuses(line);
		return statusesOfLine.stream().anyMatch(s -> s >= 500) || LogPatterns.FAILURE_WORDS.matcher(line).find();
	}

	/** Frames and "Caused by" lines belong to the trace being read; anything else ends it. */
	private boolean continuesTrace(String line) {
		if (trace == null) {
			return false;
		}
		Matcher frame = LogPatterns.FRAME.matcher(line);
		if (frame.matches()) {
			trace.frame(frame.group(1) != null ? frame.group(1).strip() : frame.group(4) + " (" + frame.group(2) + ":" + frame.group(3) + ")");
			return true;
		}
		if (line.strip().startsWith("...") && line.strip().endsWith("more")) {
			return true;
		}
		if (trace.python && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
			return true; // the source line Python prints under each frame
		}
		Matcher head = LogPatterns.EXCEPTION_HEAD.matcher(line);
		if (LogPatterns.CAUSED_BY.matcher(line).find() && head.matches()) {
			exceptions.merge(head.group(1), 1, Integer::sum);
			if (errorText.length() + line.length() < ERROR_TEXT) {
				errorText.append(line.strip()).append('\n');
			}
			trace.cause(head.group(1) + (head.group(2) == null || head.group(2).isBlank() ? "" : ": " + head.group(2).strip()));
			return true;
		}
		if (trace.python && head.matches()) {
			// a Python traceback names its exception after the frames
			exceptions.merge(head.group(1), 1, Integer::sum);
			trace.exception = head.group(1);
			trace.message = blankToNull(head.group(2));
			errorLines++;
			remember(line.strip(), null);
			finishTrace();
			return true;
		}
		finishTrace();
		return false;
	}

	private boolean startsTrace(String line) {
		if (LogPatterns.PYTHON_TRACEBACK.matcher(line).find()) {
			trace = new TraceBuilder(lineNumber, "Traceback", null, true);
			return true;
		}
		Matcher head = LogPatterns.EXCEPTION_HEAD.matcher(line);
		if (!head.matches()) {
			return false;
		}
		exceptions.merge(head.group(1), 1, Integer::sum);
		trace = new TraceBuilder(lineNumber, head.group(1), blankToNull(head.group(2)), false);
		return true;
	}

	private void finishTrace() {
		if (trace != null && traces.size() < STACK_TRACES && (!trace.frames.isEmpty() || !trace.python)) {
			traces.add(trace.build());
		}
		trace = null;
	}

	/** Lines differing only in numbers (ids, durations, times) are the same error. */
	private void remember(String line, String time) {
		String key = line.replaceAll("\\d+", "#");
		ErrorLine seen = firstErrors.get(key);
		if (seen == null && errorText.length() + line.length() < ERROR_TEXT) {
			errorText.append(line).append('\n');
		}
		if (seen != null) {
			firstErrors.put(key, new ErrorLine(seen.line(), seen.text(), seen.repeats() + 1));
		}
		else if (firstErrors.size() < FIRST_ERRORS * 10) {
			firstErrors.put(key, new ErrorLine(lineNumber, line.length() > 300 ? line.substring(0, 300) + "…" : line, 1));
		}
		if (firstFailure == null) {
			String at = time != null ? time : lastTimestamp;
			firstFailure = new FirstFailure(lineNumber, line.length() > 300 ? line.substring(0, 300) + "…" : line, at,
					LogPatterns.instant(at));
		}
	}

	private LogDigest digest(boolean truncated) {
		finishTrace();
		return new LogDigest(lineNumber, errorLines, firstErrors.values().stream().limit(FIRST_ERRORS).toList(), top(exceptions),
				List.copyOf(traces), top(statuses), top(codes), firstFailure, truncated);
	}

	private static List<Counted> top(Map<String, Integer> counts) {
		return counts.entrySet().stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP_COUNTS)
			.map(e -> new Counted(e.getKey(), e.getValue()))
			.toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static final class TraceBuilder {

		final int line;
		String exception;
		String message;
		final boolean python;
		final List<String> frames = new ArrayList<>();
		final List<String> causes = new ArrayList<>();

		TraceBuilder(int line, String exception, String message, boolean python) {
			this.line = line;
			this.exception = exception;
			this.message = message;
			this.python = python;
		}

		void frame(String frame) {
			if (frames.size() < FRAMES) {
				frames.add(frame);
			}
			else if (python) {
				// Python lists the innermost frame last: keep the last ones
				frames.remove(0);
				frames.add(frame);
			}
		}

		void cause(String cause) {
			if (causes.size() < FRAMES) {
				causes.add(cause);
			}
		}

		StackTrace build() {
			List<String> top = new ArrayList<>(frames);
			if (python) {
				java.util.Collections.reverse(top);
			}
			return new StackTrace(line, exception, message, List.copyOf(top), List.copyOf(causes));
		}
	}
}
