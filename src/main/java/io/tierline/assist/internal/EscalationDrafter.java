package io.tierline.assist.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tierline.assist.internal.EnvironmentFacts.Fact;
import io.tierline.assist.internal.EnvironmentFacts.Kind;
import io.tierline.escalation.EnvironmentField;
import io.tierline.ticket.TicketThreads.ThreadMessage;

/** Fills an escalation template from a thread and its log digests (SPEC §3's steps, errors, environment, reproduction, impact). */
final class EscalationDrafter {

	static final int MAX_STEPS = 8;
	static final int MAX_ERRORS = 8;

	/** Something somebody already did: "I restarted the app", "we have cleared the cache", "Checked the logs". */
	private static final Pattern STEP = Pattern.compile("(?i)\\b(tried|restarted|rebooted|reinstalled|re-installed|cleared|reset|updated|"
			+ "upgraded|downgraded|disabled|re-?enabled|enabled|checked|verified|confirmed|ran|re-?ran|flushed|removed|deleted|"
			+ "re-?created|reconfigured|rolled back|logged (?:out|in)|signed (?:out|in)|switched|replaced|tested|reproduced|collected|"
			+ "uninstalled|renewed|rotated|restored)\\b");
	/** An instruction or a question is not a step taken. */
	private static final Pattern NOT_A_STEP = Pattern.compile("(?i)^(please|could you|can you|would you|try|have you|did you|"
			+ "if\\b|let me know|you can|you could)");
	private static final Pattern ERROR_SENTENCE = Pattern.compile("(?i)(\\berror\\b|\\bexception\\b|\\bfailed\\b|\\bfailure\\b|"
			+ "\\b[45]\\d\\d\\b|\\bcode\\s*[:#=]|\"[^\"]{6,}\")");
	private static final Pattern IMPACT = Pattern.compile("(?i)\\b(\\d+|all|every|several|many|whole|entire|nobody|no one|none of)\\b"
			+ ".{0,50}\\b(users?|customers?|staff|employees|colleagues|team|stores?|sites?|offices?|branches|agents)\\b"
			+ "|\\b(production|prod) (is )?down\\b|\\boutage\\b|\\bblock(ed|ing)\\b");

	private EscalationDrafter() {
	}

	/** @param logs each log's name and digest */
	static EscalationDraft draft(List<ThreadMessage> thread, Map<String, LogDigest> logs, List<EnvironmentField> template) {
		Map<String, EscalationDraft.FoundValue> environment = environment(thread, template);
		List<String> missing = template.stream().filter(f -> f.required() && !environment.containsKey(f.key()))
			.map(EnvironmentField::key).toList();
		return new EscalationDraft(steps(thread), errors(thread, logs), environment, missing, reproduction(thread), impact(thread));
	}

	private static List<String> steps(List<ThreadMessage> thread) {
		Set<String> steps = new LinkedHashSet<>();
		for (ThreadMessage m : thread) {
			for (String s : Sentences.of(m.body())) {
				if (steps.size() < MAX_STEPS && STEP.matcher(s).find() && !s.endsWith("?") && !NOT_A_STEP.matcher(s).find()) {
					steps.add(s.replaceFirst("^\\s*(?:\\d{1,2}[.)]|[-*•])\\s+", ""));
				}
			}
		}
		return List.copyOf(steps);
	}

	private static List<String> errors(List<ThreadMessage> thread, Map<String, LogDigest> logs) {
		Set<String> errors = new LinkedHashSet<>();
		logs.forEach((name, digest) -> digest.firstErrors().stream().limit(3)
			.forEach(e -> errors.add(e.text() + (e.repeats() > 1 ? " (×" + e.repeats() + ", " + name + ")" : " (" + name + ")"))));
		for (ThreadMessage m : thread) {
			for (String s : Sentences.of(m.body())) {
				if (ERROR_SENTENCE.matcher(s).find() && !s.endsWith("?")) {
					errors.add(s);
				}
			}
		}
		return errors.stream().limit(MAX_ERRORS).toList();
	}

	private static Map<String, EscalationDraft.FoundValue> environment(List<ThreadMessage> thread, List<EnvironmentField> template) {
		Map<Kind, Fact> facts = EnvironmentFacts.find(thread);
		Map<String, EscalationDraft.FoundValue> values = new LinkedHashMap<>();
		String everything = null;
		for (EnvironmentField field : template) {
			if (field.type().equals("CHOICE")) {
				everything = everything == null ? allText(thread) : everything;
				String option = mentionedOption(field.options(), everything);
				if (option != null) {
					values.put(field.key(), new EscalationDraft.FoundValue(option, "the thread"));
				}
				continue;
			}
			Kind kind = kindOf(field);
			Fact fact = kind == null ? null : facts.get(kind);
			if (fact != null) {
				values.put(field.key(), new EscalationDraft.FoundValue(fact.value(), "message " + fact.messageId()));
			}
		}
		return values;
	}

	/** Which kind of fact a field asks for, by its type and then by its key and label. */
	static Kind kindOf(EnvironmentField field) {
		switch (field.type()) {
			case "VERSION":
				return Kind.VERSION;
			case "URL":
				return Kind.URL;
			case "EMAIL":
				return Kind.EMAIL;
			case "ACCOUNT_ID":
				return Kind.ACCOUNT_ID;
			case "NUMBER":
				return null;
			default:
				break;
		}
		String name = (field.key() + " " + field.label()).toLowerCase(Locale.ROOT);
		if (name.contains("browser")) {
			return Kind.BROWSER;
		}
		if (name.matches(".*\\b(os|operatingsystem|operating system|platform)\\b.*") || name.startsWith("os")) {
			return Kind.OS;
		}
		if (name.contains("version")) {
			return Kind.VERSION;
		}
		if (name.contains("url") || name.contains("link")) {
			return Kind.URL;
		}
		if (name.contains("account") || name.contains("tenant")) {
			return Kind.ACCOUNT_ID;
		}
		return null;
	}

	/** The option of a CHOICE field the thread names as a whole word (options shorter than 3 letters, like "No", are never guessed). */
	private static String mentionedOption(List<String> options, String text) {
		String option = null;
		int first = Integer.MAX_VALUE;
		for (String o : options) {
			if (o.length() < 3) {
				continue;
			}
			var m = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(o) + "(?![\\p{L}\\p{N}])").matcher(text);
			if (m.find() && m.start() < first) {
				first = m.start();
				option = o;
			}
		}
		return option;
	}

	private static String allText(List<ThreadMessage> thread) {
		var text = new StringBuilder();
		thread.forEach(m -> text.append(String.join("\n", Sentences.withoutQuotes(m.body()))).append('\n'));
		return text.toString();
	}

	/** The first numbered list of the thread (two items or more): how to make it happen. */
	private static String reproduction(List<ThreadMessage> thread) {
		for (ThreadMessage m : thread) {
			List<String> items = new ArrayList<>();
			for (String line : Sentences.withoutQuotes(m.body())) {
				if (line.strip().matches("\\d{1,2}[.)]\\s+\\S.*")) {
					items.add(line.strip());
				}
				else if (items.size() >= 2) {
					break;
				}
				else {
					items.clear();
				}
			}
			if (items.size() >= 2) {
				return String.join("\n", items);
			}
		}
		return null;
	}

	private static String impact(List<ThreadMessage> thread) {
		for (ThreadMessage m : thread) {
			if (m.fromRequester()) {
				for (String s : Sentences.of(m.body())) {
					if (IMPACT.matcher(s).find()) {
						return s;
					}
				}
			}
		}
		return null;
	}
}
