package io.tierline.knowledge.internal;

import java.util.List;
import java.util.regex.Pattern;

import io.tierline.common.InputCheck;
import io.tierline.ticket.Severity;
import io.tierline.ticket.TicketStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a macro for a scripted T1 intent does to a ticket (SPEC §5): a public reply, field
 * changes, and the intent it logs. Every part but the intent may be null.
 *
 * @param intent a short name of the intent, e.g. {@code password-reset}, logged on the ticket
 * @param tags the ticket's tags after the macro (replacing them); null leaves them
 */
public record MacroSpec(String intent, String reply, String status, String severity, String category, List<String> tags) {

	static final Pattern INTENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	public String json() {
		return JSON.writeValueAsString(this);
	}

	public static MacroSpec parse(String json) {
		return json == null ? null : JSON.readValue(json, MacroSpec.class);
	}

	/** Checks a macro an editor wrote; the category is checked against the client's catalogue by {@code categoryKnown}. */
	public MacroSpec validated(InputCheck check, String field, java.util.function.Predicate<String> categoryKnown) {
		check.require(intent != null && INTENT.matcher(intent.strip()).matches(), field + ".intent",
				"must be lower-case letters, digits and - (at most 60), e.g. password-reset");
		check.optionalEnum(status, TicketStatus.class, field + ".status");
		check.optionalEnum(severity, Severity.class, field + ".severity");
		check.require(blank(category) || categoryKnown.test(category.strip()), field + ".category", "unknown category '" + category + "'");
		check.require(reply == null || reply.length() <= 20_000, field + ".reply", "must be at most 20000 characters");
		check.require(!blank(reply) || !blank(status) || !blank(severity) || !blank(category) || tags != null, field,
				"a macro replies or changes at least one field");
		return new MacroSpec(intent == null ? null : intent.strip(), blank(reply) ? null : reply, upper(status), upper(severity),
				blank(category) ? null : category.strip(), tags);
	}

	private static String upper(String s) {
		return blank(s) ? null : s.strip().toUpperCase();
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
