package io.tierline.escalation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierline.common.InputCheck;
import io.tierline.escalation.internal.EscalationWorkflow;
import tools.jackson.databind.JsonNode;

/** Reads an escalation from JSON, noting every field of the wrong shape instead of failing on the first. */
final class EscalationRequests {

	private static final Set<String> FIELDS = Set.of("toTier", "criterion", "stepsAttempted", "environment", "errorMessages",
			"reproductionSteps", "customerImpact", "customersAffected", "knownIssue", "vendor");

	private EscalationRequests() {
	}

	static EscalationWorkflow.Request read(JsonNode body, InputCheck check) {
		if (body == null || !body.isObject()) {
			check.add("body", "must be a JSON object");
			check.throwIfInvalid();
		}
		body.propertyNames().forEach(name -> check.require(FIELDS.contains(name), name, "is not a field of an escalation"));
		return new EscalationWorkflow.Request(text(body, "toTier", check), text(body, "criterion", check),
				list(body, "stepsAttempted", check), environment(body, check), textOrLines(body, "errorMessages", check),
				textOrLines(body, "reproductionSteps", check), text(body, "customerImpact", check),
				integer(body, "customersAffected", check), knownIssue(body, check), vendor(body, check));
	}

	static String text(JsonNode body, String field, InputCheck check) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		check.require(v.isString(), field, "must be a string");
		return v.isString() ? v.asString() : null;
	}

	/** Text, or a list of lines (log excerpts are often sent line by line). */
	private static String textOrLines(JsonNode body, String field, InputCheck check) {
		JsonNode v = body.get(field);
		if (v != null && v.isArray()) {
			List<String> lines = list(body, field, check);
			return lines == null || lines.isEmpty() ? null : String.join("\n", lines);
		}
		return text(body, field, check);
	}

	private static List<String> list(JsonNode body, String field, InputCheck check) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isArray()) {
			check.add(field, "must be a list of strings");
			return null;
		}
		List<String> items = new ArrayList<>();
		for (JsonNode item : v) {
			if (!item.isString()) {
				check.add(field, "must be a list of strings");
				return null;
			}
			items.add(item.asString());
		}
		return items;
	}

	private static Map<String, String> environment(JsonNode body, InputCheck check) {
		JsonNode v = body.get("environment");
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isObject()) {
			check.add("environment", "must be an object with the fields of the category's capture template");
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (var entry : v.properties()) {
			JsonNode value = entry.getValue();
			if (value.isString() || value.isNumber() || value.isBoolean()) {
				values.put(entry.getKey(), value.asString());
			}
			else if (!value.isNull()) {
				check.add("environment." + entry.getKey(), "must be a single value");
			}
		}
		return values;
	}

	private static Integer integer(JsonNode body, String field, InputCheck check) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		check.require(v.isIntegralNumber() && v.canConvertToInt(), field, "must be a whole number");
		return v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : null;
	}

	private static Long knownIssue(JsonNode body, InputCheck check) {
		JsonNode v = body.get("knownIssue");
		if (v == null || v.isNull()) {
			return null;
		}
		check.require(v.isIntegralNumber(), "knownIssue", "must be the id of a known issue");
		return v.isIntegralNumber() ? v.asLong() : null;
	}

	static EscalationWorkflow.VendorInput vendor(JsonNode body, InputCheck check) {
		JsonNode v = body.get("vendor");
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isObject()) {
			check.add("vendor", "must be an object: name, reference, status");
			return null;
		}
		return new EscalationWorkflow.VendorInput(text(v, "name", check), text(v, "reference", check), text(v, "status", check));
	}
}
