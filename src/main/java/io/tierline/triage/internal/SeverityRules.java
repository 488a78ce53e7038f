package io.tierline.triage.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tierline.ticket.Severity;

/**
 * Severity from what the text says (SPEC §6): fixed phrases, most severe first. Only ever raises a
 * ticket's severity.
 */
final class SeverityRules {

	record Match(Severity severity, String phrase) {
	}

	private static final List<Match> PHRASES = List.of(new Match(Severity.P1, "production down"),
			new Match(Severity.P1, "production is down"), new Match(Severity.P1, "prod down"),
			new Match(Severity.P1, "all users"), new Match(Severity.P1, "everyone is affected"),
			new Match(Severity.P1, "system down"), new Match(Severity.P1, "outage"), new Match(Severity.P1, "data loss"),
			new Match(Severity.P2, "many users"), new Match(Severity.P2, "several users"),
			new Match(Severity.P2, "whole team"), new Match(Severity.P2, "degraded"));

	private SeverityRules() {
	}

	static Optional<Match> detect(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return PHRASES.stream().filter(m -> lower.contains(m.phrase())).findFirst();
	}
}
