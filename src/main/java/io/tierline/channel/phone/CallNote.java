package io.tierline.channel.phone;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a call reads on the ticket: the internal note agents see and the CALL_LOGGED event's facts. */
final class CallNote {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private CallNote() {
	}

	/** The facts of a call, whoever reports it; {@code from} (outbound calls logged by hand), {@code to}, {@code recordingUrl}, {@code agent} and {@code notes} may be null. */
	record Call(String direction, String from, String to, java.time.Instant startedAt, int durationSeconds, String recordingUrl,
			String agent, String notes) {
	}

	static String text(Call call) {
		StringBuilder note = new StringBuilder("Phone call, ").append(call.direction().toLowerCase());
		if (call.from() != null) {
			note.append(", from ").append(call.from());
		}
		if (call.to() != null) {
			note.append(call.from() == null ? ", " : " ").append("to ").append(call.to());
		}
		note.append("\nStarted ").append(WHEN.format(call.startedAt())).append(", lasted ").append(duration(call.durationSeconds()));
		if (call.agent() != null) {
			note.append("\nAgent: ").append(call.agent());
		}
		if (call.recordingUrl() != null) {
			note.append("\nRecording: ").append(call.recordingUrl());
		}
		if (call.notes() != null) {
			note.append("\n\n").append(call.notes());
		}
		return note.toString();
	}

	/** The event keeps facts for reports; the recording link stays in the note (it may carry an access token). */
	static Map<String, Object> event(Call call, String source, String externalId, long messageId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("source", source);
		if (externalId != null) {
			data.put("callId", externalId);
		}
		data.put("direction", call.direction());
		data.put("from", call.from());
		data.put("to", call.to());
		data.put("startedAt", call.startedAt().toString());
		data.put("durationSeconds", call.durationSeconds());
		data.put("recorded", call.recordingUrl() != null);
		data.put("agent", call.agent());
		data.put("messageId", messageId);
		data.values().removeIf(java.util.Objects::isNull);
		return data;
	}

	/** {@code 3:25}, or {@code 1:02:03} past an hour. */
	static String duration(int seconds) {
		int h = seconds / 3600;
		int m = seconds % 3600 / 60;
		int s = seconds % 60;
		return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
	}
}
