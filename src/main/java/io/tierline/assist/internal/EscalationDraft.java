package io.tierline.assist.internal;

import java.util.List;
import java.util.Map;

/**
 * An escalation template filled in from what the thread and the logs already say, for the agent to
 * confirm on the escalate form (nothing is escalated by the assist).
 *
 * @param environment the capture template's keys with the value found for them
 * @param missingRequired required keys of the template nothing was found for
 * @param reproductionSteps may be null
 * @param customerImpact may be null
 */
public record EscalationDraft(List<String> stepsAttempted, List<String> errorMessages, Map<String, FoundValue> environment,
		List<String> missingRequired, String reproductionSteps, String customerImpact) {

	/** @param source where it was found: {@code message 123} or a log's file name */
	public record FoundValue(String value, String source) {
	}

	public boolean isEmpty() {
		return stepsAttempted.isEmpty() && errorMessages.isEmpty() && environment.isEmpty() && reproductionSteps == null
				&& customerImpact == null;
	}
}
