package io.tierline.routing.internal;

import java.util.ArrayList;
import java.util.List;

import io.tierline.routing.SkillKind;

/**
 * How well an agent's skills fit a ticket: the sum of the levels of the skills the ticket needs
 * (its language, product, category and tags as certifications), and which ones matched, for the
 * reason ("skill match: de, billing").
 */
record SkillMatch(int score, List<String> matched) {

	static SkillMatch of(RoutedTicket ticket, List<Skill> skills) {
		int score = 0;
		List<String> matched = new ArrayList<>();
		for (Skill s : skills) {
			if (needs(ticket, s)) {
				score += s.level();
				matched.add(s.skill());
			}
		}
		return new SkillMatch(score, matched);
	}

	private static boolean needs(RoutedTicket t, Skill s) {
		return switch (s.kind()) {
			case LANGUAGE -> s.skill().equalsIgnoreCase(t.language());
			case PRODUCT -> s.skill().equalsIgnoreCase(t.product());
			case CATEGORY -> s.skill().equalsIgnoreCase(t.category());
			case CERTIFICATION -> t.tags().contains(s.skill());
		};
	}

	/** The order the reason names skills in: language first, as a requester notices it first. */
	static int order(SkillKind kind) {
		return kind.ordinal();
	}
}
