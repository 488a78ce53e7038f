package io.tierline.channel.phone;

import java.time.Instant;

import io.tierline.common.InputCheck;
import tools.jackson.databind.JsonNode;

/**
 * A call as the client's telephony system reports it (docs/phone.md). {@code recordingUrl},
 * {@code agentEmail}, {@code notes} and {@code ticket} may be null.
 *
 * @param direction INBOUND (the requester called) or OUTBOUND (an agent called them)
 */
record CallReport(String callId, String from, String to, String direction, Instant startedAt, int durationSeconds,
		String recordingUrl, String agentEmail, String notes, String ticket) {

	static CallReport read(JsonNode body) {
		var in = new Payload(body, new InputCheck());
		String callId = in.text("callId", 200, true);
		String from = in.phone("from", true);
		String to = in.phone("to", true);
		String direction = in.direction("direction");
		Instant startedAt = in.instant("startedAt");
		Integer duration = in.seconds("durationSeconds");
		String recording = Payload.url(in.text("recordingUrl", 2000, false), "recordingUrl", in.check());
		String agent = in.email("agentEmail");
		String notes = in.text("notes", 20_000, false);
		String ticket = in.ticket("ticket");
		in.check().throwIfInvalid();
		return new CallReport(callId, from, to, direction, startedAt, duration, recording, agent, notes, ticket);
	}

	/** The requester's end of the call. */
	String remoteNumber() {
		return "INBOUND".equals(direction) ? from : to;
	}
}
