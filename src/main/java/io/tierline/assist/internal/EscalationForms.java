package io.tierline.assist.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The escalate form's address with a draft in its query (the form pre-fills from {@code stepsAttempted}, {@code env.<key>} …). */
final class EscalationForms {

	private EscalationForms() {
	}

	static String url(String ticketNumber, EscalationDraft draft) {
		List<String> query = new ArrayList<>();
		if (!draft.stepsAttempted().isEmpty()) {
			add(query, "stepsAttempted", String.join("\n", draft.stepsAttempted()));
		}
		draft.environment().forEach((key, found) -> add(query, "env." + key, found.value()));
		if (!draft.errorMessages().isEmpty()) {
			add(query, "errorMessages", String.join("\n", draft.errorMessages()));
		}
		if (draft.reproductionSteps() != null) {
			add(query, "reproductionSteps", draft.reproductionSteps());
		}
		if (draft.customerImpact() != null) {
			add(query, "customerImpact", draft.customerImpact());
		}
		String path = "/tickets/" + URLEncoder.encode(ticketNumber, StandardCharsets.UTF_8) + "/escalate";
		return query.isEmpty() ? path : path + "?" + String.join("&", query);
	}

	/** Each value is cut here so that the address stays well under a server's 8 KB request-line limit. */
	static final int MAX_VALUE = 1_000;

	// form encoding (a "+" in a value becomes %2B), which the servlet container decodes for the form's parameters
	private static void add(List<String> query, String name, String value) {
		String cut = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
		query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(cut, StandardCharsets.UTF_8));
	}
}
