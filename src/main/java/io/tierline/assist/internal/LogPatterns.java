package io.tierline.assist.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shapes of log lines the {@link LogAnalyzer} recognises: levels, exceptions, frames, statuses, codes and times. */
final class LogPatterns {

	private LogPatterns() {
	}

	/** A level that reports an error, as a word of its own (log4j, logback, syslog, journald, Python, .NET). */
	static final Pattern ERROR_LEVEL = Pattern.compile("(?<![\\w.])(ERROR|ERR|FATAL|SEVERE|CRITICAL|CRIT|EMERG|ALERT|PANIC|"
			+ "Error|Fatal|Critical)(?![\\w.])");

	/** A level that says the line is not an error, even when it mentions one ("INFO retrying after failure"). */
	static final Pattern OTHER_LEVEL = Pattern.compile("(?<![\\w.])(INFO|DEBUG|TRACE|WARN|WARNING|NOTICE|Info|Debug|Warning)(?![\\w.])");

	/** Words of failure in a line without a level. */
	static final Pattern FAILURE_WORDS = Pattern.compile(
			"(?i)\\b(error|errors|exception|failed|failure|fatal|panic|refused|denied|timed out|timeout|unreachable|cannot|can't)\\b");

	/** {@code com.example.FooException: message}, with an optional "Caused by: " or "Exception in thread "x" " before it. */
	static final Pattern EXCEPTION_HEAD = Pattern.compile(
			"^\\s*(?:Exception in thread \"[^\"]*\"\\s+|Caused by:\\s+|Unhandled exception\\.\\s+)?"
			+ "((?:[A-Za-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable|Fault|Failure))(?::\\s*(.*))?$");

	/** An exception type anywhere in a line. */
	static final Pattern EXCEPTION_ANYWHERE = Pattern.compile(
			"\\b((?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)|[A-Z][a-z]\\w*(?:Exception|Error))\\b");

	/** A frame of a Java or .NET stack trace ({@code at x.y.Z(File.java:1)}) or of a Python traceback ({@code File "x", line 1, in f}). */
	static final Pattern FRAME = Pattern.compile("^\\s+(?:at\\s+(\\S.*)|File \"([^\"]+)\", line (\\d+), in (\\S+))$");

	static final Pattern PYTHON_TRACEBACK = Pattern.compile("^Traceback \\(most recent call last\\):");

	static final Pattern CAUSED_BY = Pattern.compile("^\\s*Caused by:\\s+");

	private static final List<Pattern> HTTP_STATUS = List.of(
			Pattern.compile("\"\\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+\\S+\\s+HTTP/[\\d.]+\"\\s+([45]\\d\\d)\\b"),
			Pattern.compile("\\bHTTP(?:/[\\d.]+)?[ :]+([45]\\d\\d)\\b"),
			Pattern.compile("(?i)\\b(?:status|status[_ ]code|http[_ ]status|response code|returned)[\"']?\\s*[=:]?\\s*([45]\\d\\d)\\b"),
			Pattern.compile("\\b([45]\\d\\d) (?:Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Request Timeout|Conflict|"
					+ "Gone|Payload Too Large|Too Many Requests|Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|"
					+ "Gateway Timeout)\\b"));

	private static final List<Pattern> ERROR_CODES = List.of(
			Pattern.compile("\\b((?:ORA|PLS|TNS|IMP|EXP|RMAN|SQL|MSB|ERR|ERROR|E|SAP|AUTH|HRESULT)-\\d{3,6})\\b"),
			Pattern.compile("\\b(AADSTS\\d{5,6})\\b"),
			Pattern.compile("\\b(0x[0-9A-Fa-f]{8})\\b"),
			Pattern.compile("\\b(ERR_[A-Z][A-Z_]{2,40})\\b"),
			Pattern.compile("\\b(E(?:CONNREFUSED|CONNRESET|CONNABORTED|TIMEDOUT|NOENT|ACCES|PERM|NOSPC|HOSTUNREACH|NETUNREACH|"
					+ "ADDRINUSE|PIPE|MFILE|NOTFOUND|AI_AGAIN|EXIST|ROFS|DQUOT))\\b"),
			Pattern.compile("(?i)\\b(?:error[ _]?code|err(?:or)?no|sqlstate|ora|reason[ _]code|code)\\s*[=:#]\\s*([A-Za-z]*\\d[\\w-]{1,11})\\b"));

	/** Times as logs write them: ISO 8601 (with a space or a T), Apache's access log, syslog. */
	static final Pattern ISO_TIME = Pattern.compile(
			"\\b(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2})?");
	static final Pattern APACHE_TIME = Pattern.compile("\\[(\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})]");
	static final Pattern SYSLOG_TIME = Pattern.compile("^([A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2})\\b");

	/** Not error codes although they look like one: years, ports and sizes written as "code = 2024" are rare, these are common. */
	private static final Set<String> NOT_CODES = Set.of("E-MAIL", "ERROR-LOG");

	static List<Integer> httpStatuses(String line) {
		List<Integer> found = new ArrayList<>();
		for (Pattern p : HTTP_STATUS) {
			Matcher m = p.matcher(line);
			while (m.find()) {
				found.add(Integer.parseInt(m.group(1)));
			}
			if (!found.isEmpty()) {
				return found;
			}
		}
		return found;
	}

	static List<String> errorCodes(String line) {
		List<String> found = new ArrayList<>();
		for (Pattern p : ERROR_CODES) {
			Matcher m = p.matcher(line);
			while (m.find()) {
				String code = m.group(1);
				if (!NOT_CODES.contains(code.toUpperCase(Locale.ROOT)) && !found.contains(code)) {
					found.add(code);
				}
			}
		}
		return found;
	}

	/** The time written in a line, as written; null when there is none. */
	static String timestamp(String line) {
		Matcher iso = ISO_TIME.matcher(line);
		if (iso.find()) {
			return iso.group(0);
		}
		Matcher apache = APACHE_TIME.matcher(line);
		if (apache.find()) {
			return apache.group(1);
		}
		Matcher syslog = SYSLOG_TIME.matcher(line);
		return syslog.find() ? syslog.group(1) : null;
	}

	private static final DateTimeFormatter APACHE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

	/** The instant of a time found by {@link #timestamp}; null for a syslog time (it has no year) or anything unreadable. */
	static Instant instant(String timestamp) {
		if (timestamp == null) {
			return null;
		}
		try {
			Matcher iso = ISO_TIME.matcher(timestamp);
			if (iso.matches()) {
				LocalDateTime local = LocalDateTime.parse(iso.group(1).replace(' ', 'T').replace(',', '.'));
				String zone = iso.group(2);
				ZoneOffset offset = zone == null ? ZoneOffset.UTC
						: ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
				return local.toInstant(offset);
			}
			if (APACHE_TIME.matcher("[" + timestamp + "]").matches()) {
				return OffsetDateTime.parse(timestamp, APACHE).toInstant();
			}
		}
		catch (java.time.DateTimeException e) {
			return null;
		}
		return null;
	}
}
