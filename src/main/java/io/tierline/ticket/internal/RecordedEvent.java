package io.tierline.ticket.internal;

import java.time.Instant;
import java.util.Map;

import io.tierline.ticket.EventType;

/** A ticket event waiting to be stored with the change that caused it. */
public record RecordedEvent(EventType type, Long actorId, Instant at, Map<String, Object> data) {
}
