package io.tierline.kpi.internal;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One stored ticket event as the projection reads it; {@code data} is never null (missing keys read as empty). */
record HistoryEvent(long id, String type, Long actorId, Instant at, JsonNode data) {

	String text(String key) {
		JsonNode value = data.path(key);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

	long number(String key) {
		return data.path(key).asLong(0);
	}
}
