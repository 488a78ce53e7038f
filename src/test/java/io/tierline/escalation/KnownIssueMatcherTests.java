package io.tierline.escalation;

import java.time.Duration;

import io.tierline.escalation.internal.KnownIssueMatcher;
import io.tierline.escalation.internal.KnownIssueSignature;
import io.tierline.escalation.internal.KnownIssueSignature.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures against text, without Spring: what matches, and that no regex holds a thread. */
class KnownIssueMatcherTests {

	private final KnownIssueMatcher matcher = new KnownIssueMatcher();

	@Test
	void aLiteralMatchesAnywhereIgnoringCaseAndItsRegexCharactersAreJustText() {
		var match = matcher.match(new KnownIssueSignature(Kind.LITERAL, "Error (code 42)"), "Sync failed: ERROR (CODE 42) at 10:00");
		assertThat(match).hasValueSatisfying(m -> assertThat(m.matched()).isEqualTo("ERROR (CODE 42)"));
		assertThat(matcher.match(new KnownIssueSignature(Kind.LITERAL, "a.c"), "abc")).isEmpty();
	}

	@Test
	void aRegexReportsTheTextItFound() {
		var match = matcher.match(new KnownIssueSignature(Kind.REGEX, "HTTP 5\\d\\d"), "The webhook got http 503 twice");
		assertThat(match).hasValueSatisfying(m -> assertThat(m.matched()).isEqualTo("http 503"));
		assertThat(matcher.match(new KnownIssueSignature(Kind.REGEX, "HTTP 5\\d\\d"), "HTTP 404")).isEmpty();
	}

	@Test
	void aCatastrophicRegexGivesUpWithinItsBudget() {
		long started = System.nanoTime();
		var match = matcher.match(new KnownIssueSignature(Kind.REGEX, "(.*){1,32000}[bc]"), "a".repeat(5_000));
		assertThat(match).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}
}
