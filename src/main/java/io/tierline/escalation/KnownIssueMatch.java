package io.tierline.escalation;

/**
 * A known issue whose error signature matched a text.
 *
 * @param signature the signature's pattern (a literal or a regular expression)
 * @param matched the text it found
 */
public record KnownIssueMatch(KnownIssueSummary knownIssue, String signature, String matched) {
}
