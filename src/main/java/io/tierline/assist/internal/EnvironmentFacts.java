package io.tierline.assist.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.ticket.TicketThreads.ThreadMessage;

/** Facts about the customer's environment found in a thread: product version, operating system, browser, URL, e-mail, account. */
final class EnvironmentFacts {

	enum Kind {
		VERSION, OS, BROWSER, URL, EMAIL, ACCOUNT_ID
	}

	/** @param messageId the message it was found in */
	record Fact(Kind kind, String value, long messageId) {
	}

	private static final Map<Kind, Pattern> PATTERNS = new LinkedHashMap<>();

	static {
		PATTERNS.put(Kind.VERSION, Pattern.compile("(?i)\\b(?:version|ver\\.|release|build|running)\\s*[:#]?\\s*(v?\\d+(?:\\.\\d+){1,3}(?:-[0-9A-Za-z.]+)?)\\b"
				+ "|\\b(v\\d+(?:\\.\\d+){1,3}(?:-[0-9A-Za-z.]+)?)\\b"));
		PATTERNS.put(Kind.OS, Pattern.compile("\\b(Windows(?: Server)? (?:\\d{2,4}(?: R2)?|XP|Vista)|macOS(?: \\d+(?:\\.\\d+)*| [A-Z][a-z]+)?"
				+ "|Mac OS X [\\d._]+|Ubuntu(?: \\d{2}\\.\\d{2})?|Debian(?: \\d+)?|Red Hat Enterprise Linux(?: \\d+)?|RHEL ?\\d+"
				+ "|CentOS(?: \\d+)?|Fedora(?: \\d+)?|iOS \\d+(?:\\.\\d+)*|iPadOS \\d+(?:\\.\\d+)*|Android \\d+(?:\\.\\d+)*|ChromeOS)\\b"));
		PATTERNS.put(Kind.BROWSER, Pattern.compile("\\b((?:Chrome|Chromium|Firefox|Edge|Safari|Opera|Brave|Internet Explorer)(?:[ /]\\d+(?:\\.\\d+)*)?)\\b"));
		PATTERNS.put(Kind.URL, Pattern.compile("(https?://[^\\s<>\"')\\]]+)"));
		PATTERNS.put(Kind.EMAIL, Pattern.compile("\\b([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)\\b"));
		PATTERNS.put(Kind.ACCOUNT_ID, Pattern.compile("(?i)\\b(?:account|tenant|customer|subscription|org(?:anization)?)[ _-]?(?:id|number|no\\.?)"
				+ "\\s*[:#=]?\\s*([A-Za-z0-9._:-]{3,64})"));
	}

	private EnvironmentFacts() {
	}

	/** The first fact of each kind, the requester's messages read before the agents' (the customer describes their environment). */
	static Map<Kind, Fact> find(List<ThreadMessage> thread) {
		Map<Kind, Fact> facts = new LinkedHashMap<>();
		for (boolean requester : new boolean[] { true, false }) {
			for (ThreadMessage m : thread) {
				if (m.fromRequester() != requester) {
					continue;
				}
				for (var e : PATTERNS.entrySet()) {
					if (!facts.containsKey(e.getKey())) {
						Matcher match = e.getValue().matcher(String.join("\n", Sentences.withoutQuotes(m.body())));
						if (match.find()) {
							String value = match.group(1) != null ? match.group(1) : match.group(2);
							facts.put(e.getKey(), new Fact(e.getKey(), trimTrailingPunctuation(value), m.id()));
						}
					}
				}
			}
		}
		return facts;
	}

	private static String trimTrailingPunctuation(String value) {
		return value.replaceAll("[.,;:!?]+$", "");
	}
}
