package io.tierline.channel.phone;

import java.time.Instant;

import io.tierline.common.InputCheck;
import tools.jackson.databind.JsonNode;

/** A text message a requester sent to the client's support number (docs/phone.md); {@code ticket} may be null. */
record SmsReport(String messageId, String from, String to, String text, Instant receivedAt, String ticket) {

	static SmsReport read(JsonNode body) {
		var in = new Payload(body, new InputCheck());
		String messageId = in.text("messageId", 200, true);
		String from = in.phone("from", true);
		String to = in.phone("to", true);
		String text = in.text("text", 10_000, true);
		Instant receivedAt = in.instant("receivedAt");
		String ticket = in.ticket("ticket");
		in.check().throwIfInvalid();
		return new SmsReport(messageId, from, to, text, receivedAt, ticket);
	}
}
