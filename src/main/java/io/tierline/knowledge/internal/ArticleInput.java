package io.tierline.knowledge.internal;

import java.util.List;

/**
 * An article as an editor writes it (API body and form). {@code client} and {@code kind} are read
 * on creation only; {@code tree} is for a DIAGNOSTIC_TREE, {@code macro} for a MACRO.
 *
 * @param fromTicket the ticket the article comes from (knowledge contribution); may be null
 * @param note what changed, kept with the version; may be null
 * @param knownIssue the known issue (SPEC §3) a KNOWN_ISSUE article explains; may be null
 */
public record ArticleInput(String client, String kind, String audience, String title, String body, List<String> products,
		DiagnosticTree tree, MacroSpec macro, String note, String fromTicket, Long knownIssue) {
}
