package io.tierline.audit.internal;

import java.time.Clock;

import io.tierline.common.AuditEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes each audit event in the publisher's transaction: no action commits without its entry. */
@Component
class AuditWriter {

	private final AuditStore store;
	private final Clock clock;
	private final JsonMapper json;

	AuditWriter(AuditStore store, Clock clock, JsonMapper json) {
		this.store = store;
		this.clock = clock;
		this.json = json;
	}

	@EventListener
	void on(AuditEvent event) {
		store.insert(event.orgId(), event.actorId(), event.actor(), clock.instant(), event.action(), event.ticketId(),
				event.target(), toJson(event.before()), toJson(event.after()));
	}

	private String toJson(Object state) {
		if (state == null) {
			return null;
		}
		return state instanceof String s ? s : json.writeValueAsString(state);
	}
}
