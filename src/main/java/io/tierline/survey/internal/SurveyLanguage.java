package io.tierline.survey.internal;

import io.tierline.ticket.TicketView;

/** The requester's language for a ticket: its {@code language} custom field, a {@code lang:xx} tag, else English. */
final class SurveyLanguage {

	private SurveyLanguage() {
	}

	static String of(TicketView ticket) {
		Object field = ticket.customFields() == null ? null : ticket.customFields().get("language");
		if (field instanceof String s && s.strip().matches("[A-Za-z]{2,3}(-[A-Za-z]{2})?")) {
			return s.strip().toLowerCase();
		}
		return ticket.tags().stream().filter(t -> t.startsWith("lang:")).map(t -> t.substring(5)).filter(l -> l.matches("[a-z]{2,3}"))
			.findFirst().orElse("en");
	}
}
