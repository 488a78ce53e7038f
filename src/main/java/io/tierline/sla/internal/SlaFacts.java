package io.tierline.sla.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tierline.ticket.EventType;
import io.tierline.ticket.TicketServiceLevel.SystemEvent;

/** The ticket events the SLA engine records: SLA_WARNING and SLA_BREACHED, with the clock they concern. */
final class SlaFacts {

	private SlaFacts() {
	}

	static SystemEvent warningEvent(SlaClock c, Instant at) {
		return new SystemEvent(c.ticketId(), c.clientId(), EventType.SLA_WARNING, at, data(c));
	}

	static SystemEvent breachEvent(SlaClock c, Instant at) {
		return new SystemEvent(c.ticketId(), c.clientId(), EventType.SLA_BREACHED, at, data(c));
	}

	private static Map<String, Object> data(SlaClock c) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("clock", c.kind().name());
		data.put("clockId", c.id());
		data.put("target", c.target().toString());
		data.put("businessTime", c.businessTime());
		data.put("tier", c.tier().name());
		if (c.dueAt() != null) {
			data.put("dueAt", c.dueAt().toString());
		}
		return data;
	}
}
